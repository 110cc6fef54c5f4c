import type { Tx } from "@/lib/db/client";
import { cancelInvoicesOfDeleted } from "./invoices";
import { auditMany, notifyMany } from "./shared";

// R-DEL-3: at the end of redemption the domain is deleted — even with subordinate name servers
// in use, which are then marked for deletion (kept in the zones that use them) and removed once
// unused; the domain's tokens are retracted. R-REG-2: a method-2 hold the registrant did not
// answer ends, and the name is free again.

type Doomed = { id: string; aLabel: string; uLabel: string; registrarId: string; deleteAt: Date };

export type DeletedName = { name: string; at: Date };

/** Deletes one batch of domains whose redemption has ended; returns the names deleted. */
export async function deleteBatch(tx: Tx, now: Date, limit: number): Promise<DeletedName[]> {
  const doomed = await tx.$queryRaw<Doomed[]>`
    SELECT id, "aLabel", "uLabel", "registrarId", "deleteAt" FROM "Domain"
    WHERE state = 'SUSPENDED' AND "deleteAt" <= ${now}
    ORDER BY "deleteAt", id LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  if (doomed.length === 0) return [];
  const ids = doomed.map((d) => d.id);
  await removeDomains(tx, ids, now);
  await cancelInvoicesOfDeleted(tx, ids, now); // R-REN-2: a deleted domain's renewal is owed by no one
  await tx.$executeRaw`
    UPDATE "AuthToken" SET "retractedAt" = ${now}, "retractReason" = 'domain deleted'
    WHERE "domainId" = ANY(${ids}::uuid[]) AND "usedAt" IS NULL AND "retractedAt" IS NULL`;
  await tx.$executeRaw`
    UPDATE "RegistrantChangeRequest" SET state = 'CANCELLED', "decidedAt" = ${now}, "updatedAt" = ${now}
    WHERE "domainId" = ANY(${ids}::uuid[]) AND state IN ('TERMS_REQUESTED', 'ID_CONTROL_REQUESTED')`;
  const marked = await markSubordinateHosts(tx, ids, now);
  await notifyMany(
    tx,
    now,
    doomed.map((d) => ({
      accountId: d.registrarId,
      type: "DOMAIN_DELETED",
      domainName: d.aLabel,
      message:
        `Domain ${d.uLabel} was deleted at the end of its redemption period` +
        (marked.get(d.id)?.length
          ? `; name servers ${marked.get(d.id)!.join(", ")} are marked for deletion`
          : ""),
      data: { markedNameServers: marked.get(d.id) ?? [] },
    })),
  );
  await auditMany(
    tx,
    now,
    doomed.map((d) => ({
      accountId: d.registrarId,
      operation: "lifecycle.delete",
      objectType: "Domain",
      objectId: d.id,
      objectLabel: d.aLabel,
      before: { state: "SUSPENDED" },
      after: { state: "DELETED", markedNameServers: marked.get(d.id) ?? [] },
    })),
  );
  return doomed.map((d) => ({ name: d.aLabel, at: d.deleteAt }));
}

/** The name is free: state DELETED, liveName cleared, out of the zone (no delegations, no DS). */
async function removeDomains(tx: Tx, ids: string[], now: Date) {
  await tx.$executeRaw`DELETE FROM "Delegation" WHERE "domainId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`DELETE FROM "DsRecord" WHERE "domainId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    UPDATE "Domain" SET state = 'DELETED', "liveName" = NULL, "deletedAt" = ${now}, "updatedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[])`;
}

/** Hosts under deleted domains: removed when unused, else marked for deletion. */
async function markSubordinateHosts(
  tx: Tx,
  domainIds: string[],
  now: Date,
): Promise<Map<string, string[]>> {
  const hosts = await tx.$queryRaw<
    { id: string; host: string; superordinateDomainId: string; used: boolean }[]
  >`
    SELECT n.id, n.host, n."superordinateDomainId",
           EXISTS (SELECT 1 FROM "Delegation" g WHERE g."nameServerId" = n.id) AS used
    FROM "NameServer" n WHERE n."superordinateDomainId" = ANY(${domainIds}::uuid[])`;
  const unused = hosts.filter((h) => !h.used).map((h) => h.id);
  const used = hosts.filter((h) => h.used);
  if (unused.length)
    await tx.$executeRaw`DELETE FROM "NameServer" WHERE id = ANY(${unused}::uuid[])`;
  if (used.length) {
    await tx.$executeRaw`
      UPDATE "NameServer" SET "markedForDeletionAt" = ${now}, "updatedAt" = ${now}
      WHERE id = ANY(${used.map((h) => h.id)}::uuid[]) AND "markedForDeletionAt" IS NULL`;
  }
  const byDomain = new Map<string, string[]>();
  for (const h of used)
    byDomain.set(h.superordinateDomainId, [
      ...(byDomain.get(h.superordinateDomainId) ?? []),
      h.host,
    ]);
  return byDomain;
}

/** Marked name servers that no domain uses any more are removed (R-DEL-3). */
export async function removeUnusedMarkedHosts(tx: Tx): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "NameServer" n WHERE n."markedForDeletionAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Delegation" g WHERE g."nameServerId" = n.id)`;
}

type LapsedHold = {
  id: string;
  domainId: string;
  aLabel: string;
  uLabel: string;
  accountId: string;
  expiresAt: Date;
  offerId: string | null;
};

/**
 * R-REG-2: holds whose acceptance deadline passed end; the HELD domain goes, the name is free.
 * R-REG-6: a waiting-list offer such a hold kept (`offerId`) is no longer reserved by it: within
 * its lifetime it goes on (the name is OFFERED again); past it, expireOffers — which runs after
 * this step in the same lifecycle run — passes it on.
 */
export async function expireHoldsBatch(tx: Tx, now: Date, limit: number): Promise<number> {
  const lapsed = await tx.$queryRaw<LapsedHold[]>`
    SELECT h.id, h."domainId", d."aLabel", d."uLabel", h."accountId", h."expiresAt", h."offerId"
    FROM "RegistrationHold" h JOIN "Domain" d ON d.id = h."domainId"
    WHERE h.state = 'PENDING' AND h."expiresAt" <= ${now}
    ORDER BY h."expiresAt", h.id LIMIT ${limit}
    FOR UPDATE OF h SKIP LOCKED`;
  if (lapsed.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "RegistrationHold" SET state = 'EXPIRED', "decidedAt" = ${now}
    WHERE id = ANY(${lapsed.map((h) => h.id)}::uuid[])`;
  await removeDomains(
    tx,
    lapsed.map((h) => h.domainId),
    now,
  );
  await notifyMany(
    tx,
    now,
    lapsed.map((h) => ({
      accountId: h.accountId,
      type: "REGISTRATION_TERMS_EXPIRED",
      domainName: h.aLabel,
      message: `Registration of ${h.uLabel} lapsed: the registrant did not accept the terms in time; ${
        h.offerId ? "the name goes back to its waiting-list offer" : "the name is free again"
      }`,
    })),
  );
  await auditMany(
    tx,
    now,
    lapsed.map((h) => ({
      accountId: h.accountId,
      operation: "lifecycle.holdExpired",
      objectType: "Domain",
      objectId: h.domainId,
      objectLabel: h.aLabel,
      before: { state: "HELD" },
      after: { state: "DELETED" },
    })),
  );
  return lapsed.length;
}
