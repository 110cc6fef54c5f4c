import type { Db } from "@/lib/db/client";
import type { DomainState } from "@/lib/db/generated/enums";
import type { CoreContext } from "@/lib/registry/context";
import { domainNotFound } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { can, requirePermission } from "@/lib/registry/permissions";
import {
  DS_ALGORITHMS,
  DS_DIGEST_LENGTHS,
  type DsRecord,
  dsFromDnskey,
  parseDomainName,
} from "@/lib/registry/rules";

// The read side of a domain's DNS for its pages (issue 17): its name servers (R-NS-4) and its DS
// records (R-DS-1), with what the user may change said as data; and the DS record computed from a
// pasted DNSKEY (rules/dnskey.ts) for a domain the user may add DS records to.

/** The A-label of a typed name, or NOT_FOUND: a page for a malformed name is a 404. */
function aLabelOf(name: string): string {
  try {
    return parseDomainName(name).aLabel;
  } catch (error) {
    if (isRegistryError(error)) throw domainNotFound(name);
    throw error;
  }
}

async function isOnAccountNameServers(db: Db, domainId: string, accountId: string): Promise<boolean> {
  const linked = await db.delegation.count({
    where: { domainId, nameServer: { nsaHandle: { accountId } } },
  });
  return linked > 0;
}

export type DomainNameServersView = {
  name: string;
  uLabel: string;
  state: DomainState;
  nameServers: {
    host: string;
    glueV4: string[];
    glueV6: string[];
    /** Administered by a handle linked to the account (its page is in /nameservers). */
    inPortfolio: boolean;
    markedForDeletion: boolean;
  }[];
  dsRecords: number;
  /** Why the user may not set the name servers (null when it may). */
  refusal: null | "NOT_PERMITTED" | "NOT_REGISTERED";
  limits: { min: number; max: number };
};

/** A domain of the own portfolio and its name servers; another's or an unknown one is NOT_FOUND. */
export async function getDomainNameServers(
  ctx: CoreContext,
  input: { name: string },
): Promise<DomainNameServersView> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const aLabel = aLabelOf(input.name);
  const domain = await ctx.db.domain.findFirst({
    where: { liveName: aLabel, registrarId: actor.accountId },
    select: {
      aLabel: true,
      uLabel: true,
      state: true,
      _count: { select: { dsRecords: true } },
      delegations: {
        orderBy: { position: "asc" },
        select: {
          nameServer: {
            select: {
              host: true,
              glueV4: true,
              glueV6: true,
              markedForDeletionAt: true,
              nsaHandle: { select: { accountId: true } },
            },
          },
        },
      },
    },
  });
  if (!domain) throw domainNotFound(aLabel);
  const registered = domain.state === "ACTIVE" || domain.state === "SUSPENDED";
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    state: domain.state,
    nameServers: domain.delegations.map(({ nameServer: ns }) => ({
      host: ns.host,
      glueV4: ns.glueV4,
      glueV6: ns.glueV6,
      inPortfolio: ns.nsaHandle.accountId === actor.accountId,
      markedForDeletion: ns.markedForDeletionAt !== null,
    })),
    dsRecords: domain._count.dsRecords,
    refusal: !can(actor, "domain.setNameServers") ? "NOT_PERMITTED" : registered ? null : "NOT_REGISTERED",
    limits: { min: 2, max: 7 },
  };
}

export type DomainDnssecView = {
  name: string;
  uLabel: string;
  /** The account's own domain (else another registrar's, linked to the account's name servers). */
  own: boolean;
  records: DsRecord[];
  /** Why the user may not add or remove DS records here (null when it may). */
  refusal: null | "NOT_PERMITTED" | "NOT_ON_YOUR_NAME_SERVERS";
  algorithms: readonly number[];
  digestLengths: Readonly<Record<number, number>>;
  maxRecords: number;
};

/**
 * R-DS-1's page: visible for the own domains (domain.view) and, to whoever may add DS records,
 * for another registrar's domain linked to the account's name servers; else NOT_FOUND.
 */
export async function getDomainDnssec(ctx: CoreContext, input: { name: string }): Promise<DomainDnssecView> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const aLabel = aLabelOf(input.name);
  const domain = await ctx.db.domain.findUnique({
    where: { liveName: aLabel },
    select: { id: true, aLabel: true, uLabel: true, registrarId: true },
  });
  if (!domain) throw domainNotFound(aLabel);
  const own = domain.registrarId === actor.accountId;
  const mayAdd = can(actor, "dnssec.add");
  const linked = mayAdd && (await isOnAccountNameServers(ctx.db, domain.id, actor.accountId));
  if (!own && !linked) throw domainNotFound(aLabel);
  const records = await ctx.db.dsRecord.findMany({
    where: { domainId: domain.id },
    select: { keyTag: true, algorithm: true, digestType: true, digest: true },
    orderBy: [{ keyTag: "asc" }, { algorithm: "asc" }, { digestType: "asc" }, { digest: "asc" }],
  });
  return {
    name: domain.aLabel,
    uLabel: domain.uLabel,
    own,
    records,
    refusal: !mayAdd ? "NOT_PERMITTED" : linked ? null : "NOT_ON_YOUR_NAME_SERVERS",
    algorithms: DS_ALGORITHMS,
    digestLengths: DS_DIGEST_LENGTHS,
    maxRecords: 8,
  };
}

/**
 * The DS record of a pasted DNSKEY for this domain (dnssec.add, on a domain the user may add DS
 * records to): the form fills its fields with it. Nothing is stored.
 */
export async function computeDsFromDnskey(
  ctx: CoreContext,
  input: { name: string; dnskey: string; digestType: number },
): Promise<DsRecord> {
  const actor = requirePermission(ctx.actor, "dnssec.add");
  const aLabel = aLabelOf(input.name);
  const domain = await ctx.db.domain.findUnique({
    where: { liveName: aLabel },
    select: { id: true, registrarId: true },
  });
  if (!domain || !(await isOnAccountNameServers(ctx.db, domain.id, actor.accountId))) {
    if (!domain || domain.registrarId !== actor.accountId) throw domainNotFound(aLabel);
  }
  return dsFromDnskey(aLabel, input.dnskey, input.digestType);
}
