import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import {
  checkDsRecordsOwnDomain,
  domainNotFound,
  isOnAccountNameServers,
} from "@/lib/registry/domains";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { can, requirePermission } from "@/lib/registry/permissions";
import {
  checkDsRecordsToAdd,
  type DsRecord,
  parseDomainName,
  validateDsRecord,
} from "@/lib/registry/rules";

// R-DS-1: DS records (NSA) on a domain linked to the account's name servers — at least one of its
// name servers has an NSA handle linked to the account — whoever the domain's registrar is: the
// keys belong to whoever runs the domain's DNS. So not on the account's own domains delegated
// elsewhere. Validation lives in rules/dnssec.ts; the unique index on (domain, key tag,
// algorithm, digest type, digest) backs the duplicate check.

const dsSelect = { keyTag: true, algorithm: true, digestType: true, digest: true } as const;
const order = [{ keyTag: "asc" }, { algorithm: "asc" }, { digestType: "asc" }, { digest: "asc" }] as const;

/**
 * The live domain of this name, row-locked, when it is linked to the account's name servers.
 * Another registrar's domain that is not is NOT_FOUND, as if it did not exist; the account's own
 * domain delegated elsewhere is NOT_AUTHORIZED, saying why.
 */
async function lockDomainOnAccountNameServers(tx: Tx, accountId: string, input: string) {
  const { aLabel } = parseDomainName(input);
  // Lock first, then look at the delegations: a concurrent change of name servers locks the same
  // row, so what is checked is what the records are added to.
  const rows = await tx.$queryRaw<{ id: string; registrarId: string }[]>`
    SELECT id, "registrarId" FROM "Domain" WHERE "liveName" = ${aLabel} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw domainNotFound(aLabel);
  if (row.registrarId !== accountId && !(await isOnAccountNameServers(tx, row.id, accountId))) {
    throw domainNotFound(aLabel);
  }
  // the account's own domain: the check domainActions asks too
  if (row.registrarId === accountId) {
    await checkDsRecordsOwnDomain(tx, accountId, { id: row.id, aLabel });
  }
  return tx.domain.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, aLabel: true } });
}

export async function addDsRecord(
  ctx: CoreContext,
  input: { name: string; records: readonly DsRecord[] },
): Promise<DsRecord[]> {
  return runRegistrarOperation(
    ctx,
    { name: "dnssec.add", verb: "dnssec.add", objectType: "Domain", objectLabel: input.name },
    async ({ tx, actor, now, audit }) => {
      const domain = await lockDomainOnAccountNameServers(tx, actor.accountId, input.name);
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
      const domain = await lockDomainOnAccountNameServers(tx, actor.accountId, input.name);
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

/**
 * Readable by everyone who may view the domain (domain.view, the own portfolio), and by those who
 * may change them (dnssec.add): on another registrar's domain linked to the account's name servers.
 */
export async function listDsRecords(ctx: CoreContext, input: { name: string }): Promise<DsRecord[]> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const { aLabel } = parseDomainName(input.name);
  return ctx.db.$transaction(async (tx) => {
    const domain = await tx.domain.findUnique({
      where: { liveName: aLabel },
      select: { id: true, registrarId: true },
    });
    const visible =
      domain !== null &&
      (domain.registrarId === actor.accountId ||
        (can(actor, "dnssec.add") && (await isOnAccountNameServers(tx, domain.id, actor.accountId))));
    if (!visible) throw domainNotFound(aLabel);
    return tx.dsRecord.findMany({ where: { domainId: domain.id }, select: dsSelect, orderBy: [...order] });
  });
}
