import type { ActorKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/registry/actor";

// How an actor is written into audit events and ledger entries.

export type ActorRecord = { actorKind: ActorKind; actorId: string | null; actorLabel: string };

const kinds: Record<Actor["kind"], ActorKind> = {
  portal: "PORTAL",
  service: "SERVICE",
  registrant: "REGISTRANT",
  operator: "OPERATOR",
  system: "SYSTEM",
};

export function recordActor(actor: Actor): ActorRecord {
  const actorId =
    actor.kind === "portal" || actor.kind === "service"
      ? actor.userId
      : actor.kind === "operator"
        ? actor.operatorId
        : null;
  return { actorKind: kinds[actor.kind], actorId, actorLabel: actor.label };
}
