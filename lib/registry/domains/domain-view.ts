import type { Prisma, Tx } from "@/lib/db/client";
import type {
  DomainState,
  ManagementModel,
  RenewalPolicy,
  SuspensionReason,
} from "@/lib/db/generated/enums";
import { RegistryError } from "@/lib/registry/errors";
import { parseDomainName, type RegistryDate, registryDateFromDb } from "@/lib/registry/rules";

// The domain as the core hands it out, and the portfolio-scoped lookup every domain operation
// starts with: another registrar's domain is NOT_FOUND, exactly like a name nobody registered.

export const domainViewSelect = {
  id: true,
  aLabel: true,
  uLabel: true,
  state: true,
  managementModel: true,
  renewalPolicy: true,
  crDate: true,
  exDate: true,
  suspendedAt: true,
  suspensionReason: true,
  deleteAt: true,
  reference: true,
  poNumber: true,
  accountCode: true,
  registrant: { select: { handle: true } },
  proxy: { select: { handle: true } },
  payer: { select: { handle: true } },
  delegations: { select: { nameServer: { select: { host: true } } }, orderBy: { position: "asc" } },
} as const satisfies Prisma.DomainSelect;

type DomainRow = Prisma.DomainGetPayload<{ select: typeof domainViewSelect }>;

export type DomainView = {
  id: string;
  name: string;
  uLabel: string;
  state: DomainState;
  managementModel: ManagementModel;
  renewalPolicy: RenewalPolicy;
  registrant: string;
  proxy: string | null;
  payer: string | null;
  crDate: Date | null;
  exDate: RegistryDate | null;
  suspendedAt: Date | null;
  suspensionReason: SuspensionReason | null;
  deleteAt: Date | null;
  reference: string | null;
  poNumber: string | null;
  accountCode: string | null;
  nameServers: string[];
};

export function toDomainView(row: DomainRow): DomainView {
  return {
    id: row.id,
    name: row.aLabel,
    uLabel: row.uLabel,
    state: row.state,
    managementModel: row.managementModel,
    renewalPolicy: row.renewalPolicy,
    registrant: row.registrant.handle,
    proxy: row.proxy?.handle ?? null,
    payer: row.payer?.handle ?? null,
    crDate: row.crDate,
    exDate: row.exDate ? registryDateFromDb(row.exDate) : null,
    suspendedAt: row.suspendedAt,
    suspensionReason: row.suspensionReason,
    deleteAt: row.deleteAt,
    reference: row.reference,
    poNumber: row.poNumber,
    accountCode: row.accountCode,
    nameServers: row.delegations.map((d) => d.nameServer.host),
  };
}

/**
 * The domain's view read in one statement (issue 22; through the client's relation reads it took
 * six): the same fields as `toDomainView(… domainViewSelect …)`, the name servers in order.
 */
export async function readDomainView(tx: Tx, id: string): Promise<DomainView> {
  const rows = await tx.$queryRaw<ViewRow[]>`
    SELECT d.id, d."aLabel" AS name, d."uLabel", d.state::text AS state,
      d."managementModel"::text AS "managementModel", d."renewalPolicy"::text AS "renewalPolicy",
      r.handle AS registrant, p.handle AS proxy, y.handle AS payer, d."crDate",
      to_char(d."exDate", 'YYYY-MM-DD') AS "exDate", d."suspendedAt",
      d."suspensionReason"::text AS "suspensionReason", d."deleteAt", d.reference, d."poNumber",
      d."accountCode",
      ARRAY(SELECT n.host FROM "Delegation" g JOIN "NameServer" n ON n.id = g."nameServerId"
            WHERE g."domainId" = d.id ORDER BY g.position) AS "nameServers"
    FROM "Domain" d
    JOIN "Handle" r ON r.id = d."registrantId"
    LEFT JOIN "Handle" p ON p.id = d."proxyId"
    LEFT JOIN "Handle" y ON y.id = d."payerId"
    WHERE d.id = ${id}::uuid`;
  const row = rows[0];
  if (!row) throw new Error(`Domain ${id} not found`);
  return { ...row, nameServers: row.nameServers ?? [] };
}

type ViewRow = Omit<DomainView, "nameServers"> & { nameServers: string[] | null };

export function domainNotFound(name: string): RegistryError {
  return new RegistryError("NOT_FOUND", `Domain ${name} not found`, { field: "name" });
}

/**
 * The live (not deleted) domain of this name in the account's portfolio, row-locked for the rest
 * of the transaction so concurrent operations on one domain run one after the other.
 */
export async function lockOwnDomain(tx: Tx, accountId: string, input: string) {
  const { aLabel } = parseDomainName(input);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Domain"
    WHERE "liveName" = ${aLabel} AND "registrarId" = ${accountId}::uuid
    FOR UPDATE`;
  const id = rows[0]?.id;
  if (!id) throw domainNotFound(aLabel);
  return tx.domain.findUniqueOrThrow({
    where: { id },
    include: { registrant: { select: { handle: true, email: true } } },
  });
}

export function exDateOf(domain: { aLabel: string; exDate: Date | null }): RegistryDate {
  if (!domain.exDate) {
    throw new RegistryError(
      "DOMAIN_STATE_TRANSITION_INVALID",
      `Domain ${domain.aLabel} has no expiry date yet`,
    );
  }
  return registryDateFromDb(domain.exDate);
}
