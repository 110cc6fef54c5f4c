import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { createServiceUserAction, rotateServiceCredentialAction } from "@/lib/actions/service-users";
import { createUserAction, resetUserPasswordAction } from "@/lib/actions/users";
import { listAuditEvents, listUsers } from "@/lib/registry/accounts";
import type { RegistrarActor } from "@/lib/registry/actor";
import { snapshotTables } from "@/tests/support/snapshot";
import { actorFor } from "../account-support";
import { type Registry, openRegistry } from "../support";

// R-ACC-4 (issue 19): a service credential — and a generated password — reaches the client once, in
// the result of the action that made it, and nowhere else: no table, no audit event (nor its
// listing, which the audit log and its CSV export read), no later listing, no log line.

let r: Registry;
let admin: RegistrarActor;
beforeAll(async () => {
  r = await openRegistry();
  admin = await actorFor(r, "admin@demo.test");
});
afterAll(async () => r?.close());

const deps = () => ({ db: r.prisma, clock: r.clock });

async function everywhereButTheResult(run: () => Promise<string>) {
  const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) => vi.spyOn(console, m));
  const stdout = vi.spyOn(process.stdout, "write");
  const stderr = vi.spyOn(process.stderr, "write");
  try {
    const secret = await run();
    expect(secret.length).toBeGreaterThanOrEqual(20);
    const logged = JSON.stringify([...spies.map((s) => s.mock.calls), stdout.mock.calls, stderr.mock.calls]);
    const tables = JSON.stringify(await snapshotTables(r.prisma));
    const audit = JSON.stringify(await listAuditEvents(r.ctx(admin), { limit: 200 }));
    const listed = JSON.stringify(await listUsers(r.ctx(admin)));
    return { secret, logged, tables, audit, listed };
  } finally {
    [...spies, stdout, stderr].forEach((s) => s.mockRestore());
  }
}

describe("R-ACC-4 the service credential is shown once and appears nowhere after", () => {
  it("R-ACC-4 created through the action: only its result carries the credential", async () => {
    const seen = await everywhereButTheResult(async () => {
      const result = await executeAction(
        createServiceUserAction.definition,
        admin,
        { email: "epp-once@demo.test", name: "EPP once", service: "EPP", metaRoles: ["REGISTRAR", "PAYER"] },
        deps(),
      );
      if (!result.ok) throw new Error(result.message);
      expect(Object.keys(result.data).sort()).toEqual(["secret", "user"]);
      return result.data.secret;
    });
    for (const where of ["logged", "tables", "audit", "listed"] as const) {
      expect(seen[where], where).not.toContain(seen.secret);
    }
  });

  it("R-ACC-4 rotated through the action: the new credential likewise, and the result says until when the old works", async () => {
    const created = await executeAction(
      createServiceUserAction.definition,
      admin,
      { email: "dsu-rotate@demo.test", name: "DSU", service: "DSU", metaRoles: ["NSA"] },
      deps(),
    );
    if (!created.ok) throw new Error(created.message);
    const seen = await everywhereButTheResult(async () => {
      const result = await executeAction(rotateServiceCredentialAction.definition, admin, { userId: created.data.user.id }, deps());
      if (!result.ok) throw new Error(result.message);
      expect(result.data.previousValidUntil.getTime() - r.clock.now().getTime()).toBe(24 * 3_600_000);
      return result.data.secret;
    });
    for (const where of ["logged", "tables", "audit", "listed"] as const) {
      expect(seen[where], where).not.toContain(seen.secret);
    }
  });

  it("R-ACC-2 a generated initial or reset password likewise", async () => {
    const created = await everywhereButTheResult(async () => {
      const result = await executeAction(
        createUserAction.definition,
        admin,
        { email: "gen-once@demo.test", name: "Gen", metaRoles: ["PAYER"], password: "" },
        deps(),
      );
      if (!result.ok) throw new Error(result.message);
      return result.data.generatedPassword!;
    });
    for (const where of ["logged", "tables", "audit", "listed"] as const) {
      expect(created[where], where).not.toContain(created.secret);
    }
    const user = (await listUsers(r.ctx(admin))).find((u) => u.email === "gen-once@demo.test")!;
    const reset = await everywhereButTheResult(async () => {
      const result = await executeAction(resetUserPasswordAction.definition, admin, { userId: user.id }, deps());
      if (!result.ok) throw new Error(result.message);
      return result.data.generatedPassword!;
    });
    for (const where of ["logged", "tables", "audit", "listed"] as const) {
      expect(reset[where], where).not.toContain(reset.secret);
    }
  });
});
