import type { MetaRole, RegistrarActor } from "@/lib/registry/actor";
import { CORE_TABLES, type Registry } from "./support";

/** Core tables plus the account's own: users, sessions, recovery codes, allowlist, DS records. */
/** CORE_TABLES already covers every model, users and sessions included. */
export const ACCOUNT_TABLES = CORE_TABLES;

/** A portal actor for a seeded (or created) user, with its stored meta-roles unless given. */
export async function actorFor(r: Registry, email: string, roles?: MetaRole[]): Promise<RegistrarActor> {
  const u = await r.prisma.user.findUniqueOrThrow({ where: { email } });
  return {
    kind: "portal",
    userId: u.id,
    accountId: u.accountId,
    metaRoles: roles ?? u.metaRoles,
    ip: "127.0.0.1",
    label: email,
  };
}

/** Opens a session for the user, as a login would. */
export async function openSession(r: Registry, email: string) {
  const u = await r.prisma.user.findUniqueOrThrow({ where: { email } });
  return r.prisma.session.create({
    data: { userId: u.id, createdAt: r.clock.now(), lastSeenAt: r.clock.now(), ip: "127.0.0.1" },
  });
}
