import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction, type DefinedAction, type ForgeFixtures } from "@/lib/actions/define";
import { OPERATOR } from "@/lib/actions/define-operator";
import { REGISTRANT } from "@/lib/actions/define-registrant";
import type { Actor, RegistrarActor } from "@/lib/registry/actor";
import { can } from "@/lib/registry/permissions";
import { openRegistry, type Registry } from "../registry/support";
import { snapshotTables } from "../support/snapshot";

/**
 * Generated from lib/actions: every exported server action, called as every single-role Demo user
 * and as Other Registrar's administrator with input naming Demo's objects. Every refusal must be
 * NOT_AUTHORIZED or NOT_FOUND and change no row. New actions join automatically.
 */
const actionsDir = path.resolve(import.meta.dirname, "../../lib/actions");
// Server-action modules are the ones marked "use server"; helpers beside them (define.ts,
// result.ts, request-context.ts) are not actions.
const modules = readdirSync(actionsDir).filter(
  (f) =>
    f.endsWith(".ts") &&
    !f.endsWith(".test.ts") &&
    /^\s*["']use server["']/.test(readFileSync(path.join(actionsDir, f), "utf8")),
);

const actions: [string, DefinedAction][] = [];
for (const file of modules) {
  const mod = (await import(path.join(actionsDir, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) actions.push([`${file}:${name}`, value as DefinedAction]);
}

// Tables an access refusal may touch: only its own audit trail.
const IGNORED = new Set(["AuditEvent", "RateLimitEvent", "LoginAttempt", "Session"]);

let r: Registry;
let fixtures: ForgeFixtures;
const actors: [string, RegistrarActor][] = [];
let operator: Actor;
/** Operator console actions (lib/actions/define-operator.ts): no registrar user may call one. */
const isOperatorAction = (def: { verb: string }) => def.verb === OPERATOR;
/** The registrants' /r/ actions (lib/actions/define-registrant.ts): no registrar user may call one either. */
const isRegistrantAction = (def: { verb: string }) => def.verb === REGISTRANT;

beforeAll(async () => {
  r = await openRegistry();
  const demo = (email: string) => r.prisma.user.findUniqueOrThrow({ where: { email } });
  for (const email of ["admin@demo.test", "registrar@demo.test", "payer@demo.test", "nsa@demo.test", "proxy@demo.test", "admin@other.test"]) {
    const u = await demo(email);
    actors.push([email, { kind: "portal", userId: u.id, accountId: u.accountId, metaRoles: u.metaRoles, ip: "127.0.0.1", label: email }]);
  }
  const messages = await r.prisma.notification.findMany({ where: { accountId: r.demoId, ackedAt: null } });
  const checkout = await r.prisma.cardCheckout.create({
    data: { accountId: r.demoId, amount: 50_000, provider: "sandbox-card", idempotencyKey: "access-test", createdAt: r.clock.now(), createdBy: "payer@demo.test" },
  });
  const ownEntry = await r.prisma.ipAllowlistEntry.findFirstOrThrow({ where: { accountId: r.demoId, cidr: "127.0.0.1/32" } });
  fixtures = {
    domain: "demo-hosting.dk",
    suspendedDomain: "opsagt-demo.dk",
    messageIds: messages.map((m) => m.id),
    contact: "MN2-DK",
    checkoutId: checkout.id,
    demoUserId: (await demo("proxy@demo.test")).id,
    demoServiceUserId: (await demo("epp@demo.test")).id,
    handle: "JCA1-DK",
    allowlistEntryId: ownEntry.id,
  };
  const op = await r.prisma.operator.findFirstOrThrow();
  operator = { kind: "operator", operatorId: op.id, ip: "127.0.0.1", label: op.email };
});
afterAll(() => r?.close());

describe("server actions refuse whoever may not act (generated)", () => {
  it("finds the actions, each built with defineAction", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      expect(typeof action, name).toBe("function");
      expect(action.definition?.verb, `${name} must be made with defineAction`).toBeTruthy();
    }
  });

  it.each(actions)("%s", async (name, action) => {
    const def = action.definition;
    let refusals = 0;
    for (const [email, actor] of actors) {
      const isOther = actor.accountId === r.otherId;
      const operatorOnly = isOperatorAction(def) || isRegistrantAction(def);
      if (!operatorOnly && !isOther && can(actor, def.verb)) continue; // allowed: not an access case
      const tables = (await snapshotTables(r.prisma)) as Record<string, string[]>;
      const result = await executeAction(def, actor, def.forge(fixtures), { db: r.prisma, clock: r.clock });
      if (isOther && def.forgeScope === "own") {
        // it creates or acts on Other's own account: whatever it did, no row of Demo's changed
        const after = await snapshotTables(r.prisma);
        for (const table of Object.keys(after)) {
          if (IGNORED.has(table)) continue;
          const was = new Set(tables[table]);
          const now = new Set(after[table]);
          const changed = [...after[table]!.filter((row) => !was.has(row)), ...tables[table]!.filter((row) => !now.has(row))];
          for (const row of changed) expect(row, `${name} as ${email} changed Demo's ${table}`).not.toContain(r.demoId);
        }
        continue;
      }
      expect(result.ok, `${name} as ${email}`).toBe(false);
      if (!result.ok) {
        expect(isOther && !operatorOnly ? ["NOT_AUTHORIZED", "NOT_FOUND", ...(def.otherRefusedWith ?? [])] : ["NOT_AUTHORIZED"], `${name} as ${email}: ${result.code}`).toContain(result.code);
      }
      const after = await snapshotTables(r.prisma);
      for (const table of Object.keys(after)) {
        if (!IGNORED.has(table)) expect(after[table], `${name} as ${email} changed ${table}`).toEqual(tables[table]);
      }
      refusals += 1;
    }
    expect(refusals).toBeGreaterThan(0);
  });
});

describe("server actions let in whom the matrix allows (generated)", () => {
  // The other side of DESIGN §1's matrix: a Demo user whose single meta-role the table allows
  // must get past every guard (the action's verb and the core's own); it may still be refused
  // for a business reason, never NOT_AUTHORIZED.
  it.each(actions)("DESIGN §1 matrix: %s", async (name, action) => {
    const def = action.definition;
    if (isRegistrantAction(def)) {
      // the registrants' actions: a registrant gets past every guard (a forged link is not valid)
      const registrant: Actor = { kind: "registrant", ip: "203.0.113.9", label: "registrant" };
      const result = await executeAction(def, registrant, def.forge(fixtures), { db: r.prisma, clock: r.clock });
      if (!result.ok) expect(result.code, `${name} as a registrant: ${result.message}`).not.toBe("NOT_AUTHORIZED");
      return;
    }
    if (isOperatorAction(def)) {
      // the operator console's actions: the operator gets past every guard
      const result = await executeAction(def, operator, def.forge(fixtures), { db: r.prisma, clock: r.clock });
      if (!result.ok) expect(result.code, `${name} as the operator: ${result.message}`).not.toBe("NOT_AUTHORIZED");
      return;
    }
    let allowed = 0;
    for (const [email, actor] of actors) {
      if (actor.accountId === r.otherId || !can(actor, def.verb)) continue;
      const result = await executeAction(def, actor, def.forge(fixtures), { db: r.prisma, clock: r.clock });
      if (!result.ok) expect(result.code, `${name} as ${email}: ${result.message}`).not.toBe("NOT_AUTHORIZED");
      allowed += 1;
    }
    expect(allowed, `${name}: no single-role Demo user may call it`).toBeGreaterThan(0);
  });
});
