import type { MetaRole } from "@/lib/db/generated/enums";

export type { MetaRole };
export const META_ROLES: readonly MetaRole[] = ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"];

/**
 * Who performs an operation (DESIGN.md §1–2). Every core operation takes one; the core checks
 * permission and portfolio from it and never trusts a page or the proxy to have done so.
 */
export type Actor =
  | {
      kind: "portal" | "service";
      userId: string;
      accountId: string; // the registrar account: the portfolio every query is scoped to
      metaRoles: readonly MetaRole[];
      ip: string;
      label: string; // email, for audit and ledger
      sessionId?: string;
    }
  | { kind: "registrant"; ip: string; label: string } // acts only on what its /r/ token names
  | { kind: "operator"; operatorId: string; ip: string; label: string }
  | { kind: "system"; label: string }; // the lifecycle worker

export type RegistrarActor = Extract<Actor, { kind: "portal" | "service" }>;

export function isRegistrarActor(actor: Actor): actor is RegistrarActor {
  return actor.kind === "portal" || actor.kind === "service";
}

export function actorIp(actor: Actor): string | null {
  return "ip" in actor ? actor.ip : null;
}
