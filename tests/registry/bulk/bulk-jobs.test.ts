import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportBulkJobCsv,
  getBulkJob,
  previewBulkJob,
  runBulkJob,
  STALE_AFTER_MS,
  startBulkJob,
  type StartBulkJobInput,
} from "@/lib/registry/bulk";
import { registerDomain, renewDomain } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { registryDateFromDb } from "@/lib/registry/rules";
import { usesPostgres } from "@/tests/support/db";
import { snapshotTables } from "@/tests/support/snapshot";
import {
  ALL,
  OUT_OF_ZONE,
  type Registry,
  balanceOf,
  freshName,
  ledgerSum,
  openRegistry,
} from "../support";

// Issue 15 item 6: bulk renew (R-REN-1) and bulk renewal policy (R-REN-3) from the list's
// selection — the preview, a job under an idempotency key that never applies anything twice, and
// one transaction per domain. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (where the
// concurrent starts use separate clients).

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const all = () => r.ctx(r.user(ALL));
const payer = () => r.ctx(r.user(["PAYER"]));
const proxy = () => r.ctx(r.user(["PROXY"]));
const other = () => r.ctx(r.user(ALL, "other"));
const key = () => randomBytes(16).toString("hex");

/** Fresh active 1-year domains of Demo (exDate 2027-03-10). */
async function newDomains(n: number, prefix = "bulk"): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = freshName(prefix);
    await registerDomain(r.ctx(r.user(["REGISTRAR"])), {
      name,
      registrant: "JCA1-DK",
      nameServers: OUT_OF_ZONE,
    });
    names.push(name);
  }
  return names;
}

const renewals = (name: string) =>
  r.prisma.ledgerEntry.count({ where: { domainName: name, operation: "RENEWAL" } });
const exDateOf = async (name: string) =>
  registryDateFromDb((await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } })).exDate!);

async function renewInput(names: string[], idempotencyKey = key()): Promise<StartBulkJobInput> {
  const preview = await previewBulkJob(all(), { kind: "RENEW", domains: names });
  return {
    kind: "RENEW",
    domains: names,
    idempotencyKey,
    curExpDates: Object.fromEntries(preview.items.map((i) => [i.aLabel, i.exDate ?? ""])),
  };
}

describe("previewBulkJob", () => {
  it("R-REN-1 R-PAY-1 bulk renew preview: per domain the price and new expiry, or why not; the total against the balance; writes nothing", async () => {
    const names = await newDomains(2);
    const before = await snapshotTables(r.prisma);
    const preview = await previewBulkJob(payer(), {
      kind: "RENEW",
      domains: [...names, "bk-fremad.dk", "udloebet-1.dk", names[0]!],
    });
    expect(preview.items.map((i) => [i.aLabel, i.possible])).toEqual([
      [names[0], true],
      [names[1], true],
      ["bk-fremad.dk", false],
      ["udloebet-1.dk", false],
    ]);
    expect(preview.items[0]).toMatchObject({ exDate: "2027-03-10", newExDate: "2028-03-10", price: 4_500 });
    expect(preview.items[2]!.reason).toMatchObject({
      code: "DOMAIN_NOT_RENEWABLE",
      details: { reason: "PAID_BY_REGISTRANT" },
    });
    expect(preview.items[3]!.reason).toMatchObject({ code: "DOMAIN_NOT_RENEWABLE", details: { reason: "NOT_ACTIVE" } });
    expect(preview).toMatchObject({ total: 9_000, possible: 2, skipped: 2 });
    expect(preview.balanceAfter).toBe(preview.balance - 9_000);
    expect(preview.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await snapshotTables(r.prisma)).toEqual(before);
  });

  it("R-REN-3 bulk renewal policy preview: an already auto-expiring domain is unchanged, a suspended one not changeable", async () => {
    const [name] = await newDomains(1);
    const preview = await previewBulkJob(proxy(), {
      kind: "SET_RENEWAL_POLICY",
      domains: [name!, "malerfirma-demo.dk", "udloebet-2.dk"],
      renewalPolicy: "AUTO_EXPIRE",
    });
    expect(preview.items.map((i) => [i.aLabel, i.possible, i.reason?.code ?? null])).toEqual([
      [name, true, null],
      ["malerfirma-demo.dk", false, "UNCHANGED"],
      ["udloebet-2.dk", false, "RENEWAL_POLICY_NOT_CHANGEABLE"],
    ]);
    expect(preview.total).toBe(0);
  });

  it("DESIGN §1: renew needs Payer, renewal policy needs Proxy; Other Registrar gets NOT_FOUND for Demo's domains", async () => {
    await expect(
      previewBulkJob(proxy(), { kind: "RENEW", domains: ["demo-hosting.dk"] }),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(
      previewBulkJob(payer(), { kind: "SET_RENEWAL_POLICY", domains: ["demo-hosting.dk"], renewalPolicy: "AUTO_EXPIRE" }),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(
      previewBulkJob(r.ctx(r.user(["REGISTRAR"])), { kind: "RENEW", domains: ["demo-hosting.dk"] }),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(
      previewBulkJob(other(), { kind: "RENEW", domains: ["other-hosting.dk", "demo-hosting.dk"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("issue 15.6 refuses an empty selection and more than 100 domains", async () => {
    await expect(previewBulkJob(all(), { kind: "RENEW", domains: [] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    const many = Array.from({ length: 101 }, (_, i) => `x${i}.dk`);
    await expect(previewBulkJob(all(), { kind: "RENEW", domains: many })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

describe("startBulkJob + runBulkJob", () => {
  it("R-REN-1 bulk renew: each domain renewed once, billed once; the refused one skipped with its reason", async () => {
    const names = await newDomains(3);
    const input = await renewInput([...names, "bk-fremad.dk"]);
    const started = await startBulkJob(all(), input);
    expect(started).toMatchObject({ created: true, pending: 3 });
    expect(await runBulkJob(all(), { jobId: started.jobId })).toBe(3);
    const job = await getBulkJob(all(), { jobId: started.jobId });
    expect(job).toMatchObject({ state: "DONE", total: 4, done: 4, succeeded: 3, skipped: 1, refused: 0, charged: 13_500 });
    expect(job.items.map((i) => [i.aLabel, i.state, i.newExDate])).toEqual([
      [names[0], "SUCCEEDED", "2028-03-10"],
      [names[1], "SUCCEEDED", "2028-03-10"],
      [names[2], "SUCCEEDED", "2028-03-10"],
      ["bk-fremad.dk", "SKIPPED", null],
    ]);
    expect(job.items[3]!.reason).toMatchObject({ code: "DOMAIN_NOT_RENEWABLE" });
    for (const name of names) expect(await renewals(name)).toBe(1);
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
    // one audit event per domain, by the domain operation itself
    const audits = await r.prisma.auditEvent.count({
      where: { operation: "domain.renew", objectLabel: { in: names }, outcome: "SUCCESS" },
    });
    expect(audits).toBe(3);
  });

  it("issue 15.6 idempotency: a repeated start (second click, reload) answers the same job and applies nothing again", async () => {
    const names = await newDomains(3);
    const input = await renewInput(names);
    const first = await startBulkJob(all(), input);
    await runBulkJob(all(), { jobId: first.jobId });
    const balance = await balanceOf(r, r.demoId);
    const again = await startBulkJob(all(), input);
    expect(again).toEqual({ jobId: first.jobId, created: false, pending: 0 });
    expect(await runBulkJob(all(), { jobId: first.jobId })).toBe(0);
    expect(await balanceOf(r, r.demoId)).toBe(balance);
    for (const name of names) expect(await renewals(name)).toBe(1);
    expect(await r.prisma.bulkJob.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("issue 15.6 idempotency: concurrent starts and runs with one key make one job and bill each domain once", async () => {
    const names = await newDomains(4);
    const input = await renewInput(names);
    // separate clients (connections) on PostgreSQL; PGlite serialises them on its one connection
    const ctxs = Array.from({ length: 5 }, () => ({ ...all(), db: r.db.newClient() }));
    const results = await Promise.all(
      ctxs.map(async (ctx) => {
        const started = await startBulkJob(ctx, input);
        await runBulkJob(ctx, { jobId: started.jobId });
        return started;
      }),
    );
    expect(new Set(results.map((s) => s.jobId)).size).toBe(1);
    expect(results.filter((s) => s.created)).toHaveLength(1);
    for (const name of names) {
      expect(await renewals(name)).toBe(1);
      expect(await exDateOf(name)).toBe("2028-03-10");
    }
    const job = await getBulkJob(all(), { jobId: results[0]!.jobId });
    expect(job).toMatchObject({ state: "DONE", succeeded: 4 });
    expect(await ledgerSum(r, r.demoId)).toBe(await balanceOf(r, r.demoId));
  });

  it("R-REN-1 two jobs from one preview (two tabs): the second is refused by curExpDate, nothing billed twice", async () => {
    const names = await newDomains(2);
    const input = await renewInput(names);
    const a = await startBulkJob(all(), input);
    await runBulkJob(all(), { jobId: a.jobId });
    const b = await startBulkJob(all(), { ...input, idempotencyKey: key() });
    expect(b).toMatchObject({ created: true, pending: 0 });
    const job = await getBulkJob(all(), { jobId: b.jobId });
    expect(job.items.map((i) => [i.state, i.reason?.code])).toEqual([
      ["SKIPPED", "EXPIRY_DATE_MISMATCH"],
      ["SKIPPED", "EXPIRY_DATE_MISMATCH"],
    ]);
    for (const name of names) expect(await renewals(name)).toBe(1);
  });

  it("issue 15.6 R-REN-1 per-domain transactions: a domain refused while the job runs undoes nothing of the others", async () => {
    const names = await newDomains(3);
    const input = await renewInput(names);
    const started = await startBulkJob(all(), input);
    // renewed elsewhere between the confirmation and the run: its curExpDate no longer matches
    await renewDomain(payer(), { name: names[1]!, curExpDate: "2027-03-10" });
    await runBulkJob(all(), { jobId: started.jobId });
    const job = await getBulkJob(all(), { jobId: started.jobId });
    expect(job.items.map((i) => [i.aLabel, i.state, i.reason?.code ?? null])).toEqual([
      [names[0], "SUCCEEDED", null],
      [names[1], "REFUSED", "EXPIRY_DATE_MISMATCH"],
      [names[2], "SUCCEEDED", null],
    ]);
    expect(job).toMatchObject({ state: "DONE", succeeded: 2, refused: 1, charged: 9_000 });
    expect(await exDateOf(names[0]!)).toBe("2028-03-10");
    expect(await exDateOf(names[1]!)).toBe("2028-03-10"); // the one renewal, not two
    expect(await exDateOf(names[2]!)).toBe("2028-03-10");
    expect(await renewals(names[1]!)).toBe(1);
  });

  it("issue 15.6 exactly once after a crash: an abandoned item is settled from the audit trail — done if its operation committed, else run again", async () => {
    const names = await newDomains(3);
    const started = await startBulkJob(all(), await renewInput(names));
    const items = await r.prisma.bulkJobItem.findMany({ where: { jobId: started.jobId }, orderBy: { position: "asc" } });
    const claim = (id: string) =>
      r.prisma.bulkJobItem.update({ where: { id }, data: { state: "RUNNING", startedAt: r.clock.now() } });
    // item 0: claimed and renewed, then the process stopped before recording the outcome
    await claim(items[0]!.id);
    await renewDomain(all(), { name: names[0]!, curExpDate: "2027-03-10" });
    // item 1: claimed, then the process stopped before its transaction committed
    await claim(items[1]!.id);
    // not yet abandoned: a runner leaves both alone, and the job is not done
    await runBulkJob(all(), { jobId: started.jobId });
    let job = await getBulkJob(all(), { jobId: started.jobId });
    expect(job.items.map((i) => i.state)).toEqual(["RUNNING", "RUNNING", "SUCCEEDED"]);
    expect(job.state).toBe("RUNNING");

    r.clock.advance(STALE_AFTER_MS + 1_000);
    await runBulkJob(all(), { jobId: started.jobId });
    job = await getBulkJob(all(), { jobId: started.jobId });
    expect(job.items.map((i) => [i.state, i.charged, i.newExDate])).toEqual([
      ["SUCCEEDED", 4_500, "2028-03-10"],
      ["SUCCEEDED", 4_500, "2028-03-10"],
      ["SUCCEEDED", 4_500, "2028-03-10"],
    ]);
    expect(job.state).toBe("DONE");
    for (const name of names) expect(await renewals(name)).toBe(1);
  });

  it("R-REN-3 bulk renewal policy: two domains set to auto-expire; the unchanged one skipped", async () => {
    const names = await newDomains(2);
    const started = await startBulkJob(proxy(), {
      kind: "SET_RENEWAL_POLICY",
      renewalPolicy: "AUTO_EXPIRE",
      domains: [...names, "malerfirma-demo.dk"],
      idempotencyKey: key(),
    });
    await runBulkJob(proxy(), { jobId: started.jobId });
    const job = await getBulkJob(proxy(), { jobId: started.jobId });
    expect(job).toMatchObject({ state: "DONE", succeeded: 2, skipped: 1, renewalPolicy: "AUTO_EXPIRE" });
    for (const name of names) {
      const d = await r.prisma.domain.findUniqueOrThrow({ where: { liveName: name } });
      expect(d.renewalPolicy).toBe("AUTO_EXPIRE");
    }
  });

  it("DESIGN §1: a Proxy cannot start a renewal job, a Payer no renewal-policy job; nothing stored", async () => {
    const before = await r.prisma.bulkJob.count();
    await expect(
      startBulkJob(proxy(), { kind: "RENEW", domains: ["demo-hosting.dk"], idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    await expect(
      startBulkJob(payer(), {
        kind: "SET_RENEWAL_POLICY",
        domains: ["demo-hosting.dk"],
        renewalPolicy: "AUTO_EXPIRE",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    expect(await r.prisma.bulkJob.count()).toBe(before);
  });

  it("issue 15.6 a job belongs to its account: Other Registrar gets NOT_FOUND for Demo's job, its run and its CSV", async () => {
    const names = await newDomains(1);
    const started = await startBulkJob(all(), await renewInput(names));
    for (const call of [
      () => getBulkJob(other(), { jobId: started.jobId }),
      () => runBulkJob(other(), { jobId: started.jobId }),
      () => exportBulkJobCsv(other(), { jobId: started.jobId }),
      () => getBulkJob(all(), { jobId: "not-a-uuid" }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(isRegistryError(error, "NOT_FOUND")).toBe(true);
    }
    expect(await renewals(names[0]!)).toBe(0);
    // the same key under Other's account is Other's own, unrelated job
    await expect(
      startBulkJob(other(), { kind: "RENEW", domains: names, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("issue 15.6 R-PAY-3 the result as CSV: one line per domain with outcome, dates, amount and reason", async () => {
    const names = await newDomains(1);
    const started = await startBulkJob(all(), await renewInput([...names, "bk-fremad.dk"]));
    await runBulkJob(all(), { jobId: started.jobId });
    const { text, fileName } = await exportBulkJobCsv(all(), { jobId: started.jobId });
    expect(fileName).toMatch(/^bulk-renew-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("domain,a_label,outcome,expiry_before,new_expiry,charged_dkk,reason_code,reason");
    expect(lines[1]).toBe(`${names[0]},${names[0]},SUCCEEDED,2027-03-10,2028-03-10,45.00,,`);
    expect(lines[2]).toMatch(/^bk-fremad\.dk,bk-fremad\.dk,SKIPPED,\d{4}-\d{2}-\d{2},,,DOMAIN_NOT_RENEWABLE,"Domain bk-fremad\.dk is paid by its registrant, not the registrar/);
  });
});

if (!usesPostgres) {
  console.warn("tests/registry/bulk: the concurrent start ran on PGlite's one connection; set TEST_DATABASE_URL for PostgreSQL");
}
