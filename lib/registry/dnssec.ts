import type { CoreContext } from "@/lib/registry/context";
import { lockOwnDomain } from "@/lib/registry/domain-view";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";
import { type DsRecord, checkDsRecordsToAdd, validateDsRecord } from "@/lib/registry/rules/dnssec";
import { parseDomainName } from "@/lib/registry/rules/names";

// R-DS-1: DS records of a domain in the portfolio (NSA). Validation lives in rules/dnssec.ts; the
// unique index on (domain, key tag, algorithm, digest type, digest) backs the duplicate check.

const dsSelect = { keyTag: true, algorithm: true, digestType: true, digest: true } as const;
const order = [{ keyTag: "asc" }, { algorithm: "asc" }, { digestType: "asc" }, { digest: "asc" }] as const;

export async function addDsRecord(
  ctx: CoreContext,
  input: { name: string; records: readonly DsRecord[] },
): Promise<DsRecord[]> {
  return runRegistrarOperation(
    ctx,
    { name: "dnssec.add", verb: "dnssec.add", objectType: "Domain", objectLabel: input.name },
    async ({ tx, actor, now, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      if (input.records.length === 0) {
        throw new RegistryError("VALIDATION_FAILED", "Give at least one DS record", { field: "records" });
      }
      const existing = await tx.dsRecord.findMany({ where: { domainId: domain.id }, select: dsSelect });
      const accepted = checkDsRecordsToAdd(domain.aLabel, existing, input.records);
      await tx.dsRecord.createMany({
        data: accepted.map((r) => ({ ...r, domainId: domain.id, createdAt: now })),
      });
      Object.assign(audit, { before: { dsRecords: existing.length }, after: { added: accepted } });
      return tx.dsRecord.findMany({ where: { domainId: domain.id }, select: dsSelect, orderBy: [...order] });
    },
  );
}

export async function removeDsRecord(
  ctx: CoreContext,
  input: { name: string; record: DsRecord },
): Promise<DsRecord[]> {
  return runRegistrarOperation(
    ctx,
    { name: "dnssec.remove", verb: "dnssec.remove", objectType: "Domain", objectLabel: input.name },
    async ({ tx, actor, audit }) => {
      const domain = await lockOwnDomain(tx, actor.accountId, input.name);
      Object.assign(audit, { objectId: domain.id, objectLabel: domain.aLabel });
      const record = validateDsRecord(domain.aLabel, input.record);
      const removed = await tx.dsRecord.deleteMany({ where: { domainId: domain.id, ...record } });
      if (removed.count === 0) {
        throw new RegistryError(
          "NOT_FOUND",
          `Domain ${domain.aLabel} has no DS record with key tag ${record.keyTag}, algorithm ${record.algorithm}, digest type ${record.digestType}`,
          { field: "record" },
        );
      }
      audit.before = { removed: record };
      return tx.dsRecord.findMany({ where: { domainId: domain.id }, select: dsSelect, orderBy: [...order] });
    },
  );
}

/** Readable by everyone who may view the domain (domain.view). */
export async function listDsRecords(ctx: CoreContext, input: { name: string }): Promise<DsRecord[]> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const { aLabel } = parseDomainName(input.name);
  const domain = await ctx.db.domain.findFirst({
    where: { liveName: aLabel, registrarId: actor.accountId },
    select: { id: true },
  });
  if (!domain) throw new RegistryError("NOT_FOUND", `Domain ${aLabel} not found`, { field: "name" });
  return ctx.db.dsRecord.findMany({ where: { domainId: domain.id }, select: dsSelect, orderBy: [...order] });
}
