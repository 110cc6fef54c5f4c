import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  previewBulkRenewAction,
  startBulkRenewAction,
  startBulkRenewalPolicyAction,
} from "@/lib/actions/bulk";
import { executeAction } from "@/lib/actions/define";
import type { RegistrarActor } from "@/lib/registry/actor";
import { getBulkJob } from "@/lib/registry/bulk";
import { registerDomain } from "@/lib/registry/domains";
import { ALL, freshName, openRegistry, OUT_OF_ZONE, type Registry } from "../registry/support";

// Issue 15 item 6 through the server actions: the preview's reasons in the reader's words, up to
// 20 domains run before the action answers, more in the background (the result page polls), and
// the same idempotency key posted again starts nothing new.

let r: Registry;
let all: RegistrarActor;
beforeAll(async () => {
  r = await openRegistry();
  all = r.user(ALL) as RegistrarActor;
});
afterAll(() => r?.close());

const deps = () => ({ db: r.prisma, clock: r.clock });

async function newDomains(n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = freshName("bulkact");
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), { name, registrant: "JCA1-DK", nameServers: OUT_OF_ZONE });
    names.push(name);
  }
  return names;
}

async function previewAndStart(names: string[]) {
  const preview = await executeAction(previewBulkRenewAction.definition, all, { domains: names }, deps());
  if (!preview.ok) throw new Error(preview.message);
  const input = {
    domains: names,
    idempotencyKey: preview.data.idempotencyKey,
    curExpDates: Object.fromEntries(preview.data.items.map((i) => [i.aLabel, i.exDate!])),
  };
  return { input, result: await executeAction(startBulkRenewAction.definition, all, input, deps()) };
}

describe("bulk actions", () => {
  it("R-REN-1 the preview names why a domain cannot be renewed, in the domain page's words", async () => {
    const [name] = await newDomains(1);
    const result = await executeAction(previewBulkRenewAction.definition, all, { domains: [name!, "bk-fremad.dk"] }, deps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.items.map((i) => i.reasonText)).toEqual([
      null,
      "its renewals are invoiced to its payer, not paid by you.",
    ]);
    expect(result.data.periodYears[0]).toBe(1);
  });

  it("up to 20 domains: done when the action answers; posting the same key again starts nothing", async () => {
    const names = await newDomains(3);
    const { input, result } = await previewAndStart(names);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getBulkJob(r.ctx(all), result.data)).toMatchObject({ state: "DONE", succeeded: 3 });
    const again = await executeAction(startBulkRenewAction.definition, all, input, deps());
    expect(again).toEqual(result);
    expect(await r.prisma.ledgerEntry.count({ where: { domainName: { in: names }, operation: "RENEWAL" } })).toBe(3);
  });

  it("more than 20 domains run in the background until done, each once", async () => {
    const names = await newDomains(21);
    const { result } = await previewAndStart(names);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    let job = await getBulkJob(r.ctx(all), result.data);
    for (let i = 0; job.state !== "DONE" && i < 600; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await getBulkJob(r.ctx(all), result.data);
    }
    expect(job).toMatchObject({ state: "DONE", total: 21, succeeded: 21, charged: 21 * 4_500 });
    expect(await r.prisma.ledgerEntry.count({ where: { domainName: { in: names }, operation: "RENEWAL" } })).toBe(21);
  });

  it("a malformed key or an empty selection is refused at the input", async () => {
    const bad = await executeAction(
      startBulkRenewalPolicyAction.definition,
      all,
      { domains: [], renewalPolicy: "AUTO_EXPIRE", idempotencyKey: "x" },
      deps(),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.fieldErrors?.domains).toEqual(["Select at least one domain name."]);
  });
});
