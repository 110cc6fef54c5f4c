import type { MetaRole, RegistrarActor } from "@/lib/registry/actor";
import { actorFor } from "./account-support";
import type { Registry } from "./support";

// Account-wide rules (R-ACC-1 the last Administrator, R-ACC-7 the allowlist) are about the whole
// account's state, so a test of them gets an account of its own: nothing another test did to Demo
// can change its outcome, and it leaves nothing behind that another test could trip over.

let accounts = 0;

export type TestAccount = {
  accountId: string;
  /** The email of the user created under this name. */
  email(user: string): string;
  /** A portal actor for that user, with its stored meta-roles. */
  actor(user: string): Promise<RegistrarActor>;
};

/**
 * A new registrar account like the seed's: a registrar handle, the loopback allowlist (v4 and
 * v6), no domains, and the given portal users (`totpSecret`: TOTP enabled with that secret).
 * Users never log in here, so their password hash is a placeholder.
 */
export async function createTestAccount(
  r: Registry,
  users: { name: string; roles: MetaRole[]; totpSecret?: string }[],
): Promise<TestAccount> {
  accounts += 1;
  const tag = `acct${accounts}-${Date.now().toString(36)}`;
  const now = r.clock.now();
  const data = {
    name: `Test Registrar ${tag}`,
    street: "Testvej 1",
    postalCode: "8000",
    city: "Aarhus C",
    countryCode: "DK",
    email: `hostmaster@${tag}.test`,
  };
  const handle = await r.prisma.handle.create({
    data: {
      handle: `${tag.toUpperCase()}-DK`,
      type: "COMPANY",
      ...data,
      managementModel: "REGISTRAR",
      termsAcceptedAt: now,
      createdAt: now,
    },
  });
  const account = await r.prisma.registrarAccount.create({
    data: {
      handleId: handle.id,
      ...data,
      fikCode: `fik-${tag}`,
      accountNumber: `no-${tag}`,
      createdAt: now,
    },
  });
  await r.prisma.handle.update({ where: { id: handle.id }, data: { accountId: account.id } });
  await r.prisma.ipAllowlistEntry.createMany({
    data: [
      { cidr: "127.0.0.1/32", description: "Loopback (IPv4)" },
      { cidr: "::1/128", description: "Loopback (IPv6)" },
    ].map((e) => ({ ...e, accountId: account.id, createdAt: now, createdBy: "test" })),
  });
  const email = (user: string) => `${user}@${tag}.test`;
  for (const u of users) {
    await r.prisma.user.create({
      data: {
        accountId: account.id,
        kind: "PORTAL",
        email: email(u.name),
        name: u.name,
        metaRoles: u.roles,
        passwordHash: "not-used-by-these-tests",
        passwordChangedAt: now,
        totpSecret: u.totpSecret ?? null,
        totpEnabledAt: u.totpSecret ? now : null,
        createdAt: now,
      },
    });
  }
  return {
    accountId: account.id,
    email,
    actor: (user) => actorFor(r, email(user)),
  };
}
