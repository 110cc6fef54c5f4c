import { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { findUnavailability, notAvailable } from "@/lib/registry/domains/availability";
import { resolveNameServers } from "@/lib/registry/nameservers/delegation";
import type { DomainView } from "@/lib/registry/domains/domain-view";
import { findRegistrantHandle, findUsableContact } from "@/lib/registry/contacts";
import { debitAccount } from "@/lib/registry/billing";
import { queueMail, queueNotification } from "@/lib/registry/messages";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import type { ManagementModel } from "@/lib/registry/policy";
import {
  checkRegistration,
  generateTokenSecret,
  hashToken,
  normaliseNameServers,
  parseDomainName,
  priceForPeriod,
} from "@/lib/registry/rules";
import { assertTokenUseAllowed, recordingTokenFailures } from "@/lib/registry/tokens/token-use";
import {
  claimWaitingListOffer,
  useWaitingListOffer,
} from "@/lib/registry/registrants/waiting-list-claim";

// R-REG-1…5: register a domain, method 1 (terms stated, created and billed now) or method 2
// (the name is held, not billed, and the registrant is asked by mail through a /r/ link).

export type RegisterDomainInput = {
  name: string;
  periodYears?: number;
  /** Default: the account's default management model (R-ACC-6). */
  managementModel?: ManagementModel;
  renewalPolicy?: "AUTO_RENEW" | "AUTO_EXPIRE";
  registrant: string;
  proxy?: string | null;
  payer?: string | null;
  nameServers: readonly string[];
  /** Method 1: when the registrant accepted the terms. */
  termsAcceptedAt?: Date | null;
  reference?: string | null;
  poNumber?: string | null;
  accountCode?: string | null;
  /** R-REG-1 "Authorization code": the waiting-list offer token (R-REG-6), 8 hex digits. */
  authorizationCode?: string | null;
};

export type RegisterDomainResult =
  | { status: "ACTIVE"; domain: DomainView; charged: number; balance: number }
  /** The raw link token is returned once; only its hash is stored. */
  | { status: "HELD"; domain: DomainView; termsLink: string; holdExpiresAt: Date };

export const termsLinkPath = (token: string) => `/r/terms/${token}`;

const toDbModel = (m: ManagementModel): "REGISTRAR" | "REGISTRANT" =>
  m === "registrar" ? "REGISTRAR" : "REGISTRANT";
const fromDbModel = (m: "REGISTRAR" | "REGISTRANT"): ManagementModel =>
  m === "REGISTRAR" ? "registrar" : "registrant";

export async function registerDomain(
  ctx: CoreContext,
  input: RegisterDomainInput,
): Promise<RegisterDomainResult> {
  // A wrong authorization code counts as a failed token use of the account (R-TOK-2).
  const accountId =
    input.authorizationCode && "accountId" in ctx.actor ? ctx.actor.accountId : null;
  return recordingTokenFailures(ctx.db, accountId, ctx.clock.now(), () =>
    runRegistration(ctx, input),
  );
}

function runRegistration(
  ctx: CoreContext,
  input: RegisterDomainInput,
): Promise<RegisterDomainResult> {
  return runRegistrarOperation(
    ctx,
    {
      name: "domain.register",
      verb: "domain.register",
      objectType: "Domain",
      objectLabel: input.name,
    },
    async ({ tx, actor, now, policy, audit, auditNow }) => {
      // Issue 22: every read and check first, then the writes, the audit event, and last the
      // debit, which waits for the account row's lock that serialises the registrar's debits —
      // so that lock is held from the debit to the commit only.
      const { aLabel, uLabel } = parseDomainName(input.name);
      audit.objectLabel = aLabel;
      const [account] = await tx.$queryRaw<
        {
          name: string;
          handleId: string;
          defaultManagementModel: "REGISTRAR" | "REGISTRANT";
          defaultRenewalPolicy: "AUTO_RENEW" | "AUTO_EXPIRE";
        }[]
      >`
        SELECT name, "handleId", "defaultManagementModel"::text AS "defaultManagementModel",
          "defaultRenewalPolicy"::text AS "defaultRenewalPolicy"
        FROM "RegistrarAccount" WHERE id = ${actor.accountId}::uuid`;
      if (!account)
        throw new RegistryError("NOT_FOUND", `Registrar account ${actor.accountId} not found`);
      const managementModel = input.managementModel ?? fromDbModel(account.defaultManagementModel);
      // R-REG-3: under registrant management any registrant-managed handle, named by its id
      const registrant = await findRegistrantHandle(
        tx,
        actor.accountId,
        input.registrant,
        managementModel,
      );
      const proxy = input.proxy
        ? await findUsableContact(tx, actor.accountId, input.proxy, "proxy")
        : null;
      const payer = input.payer
        ? await findUsableContact(tx, actor.accountId, input.payer, "payer")
        : null;
      const plan = checkRegistration(
        {
          domainName: aLabel,
          periodYears: input.periodYears ?? 1,
          managementModel,
          registrant: {
            handle: registrant.handle,
            managementModel: fromDbModel(registrant.managementModel),
            termsAcceptedAt: registrant.termsAcceptedAt,
          },
          proxyHandle: proxy?.handle ?? null,
          payerHandle: payer?.handle ?? null,
          termsAcceptedAt: input.termsAcceptedAt ?? null,
        },
        policy,
        now,
      );
      const hosts = normaliseNameServers(aLabel, input.nameServers);
      const code = input.authorizationCode?.trim() || null;
      if (input.authorizationCode) await assertTokenUseAllowed(tx, actor.accountId, policy, now);
      // R-REG-6: an offer of the name is claimed (locked) only when there is one to claim: with
      // an authorization code, or when the name shows as offered (the holder's own registration
      // under registrant management). Otherwise there is none, and the claim would find none.
      let offerId: string | null = null;
      let unavailable = code ? null : await findUnavailability(tx, aLabel);
      if (code || unavailable === "OFFERED") {
        offerId = await claimWaitingListOffer(tx, {
          aLabel,
          code,
          registrantId: registrant.id,
          managementModel,
          now,
        });
        unavailable = await findUnavailability(tx, aLabel, { usingOfferId: offerId });
      }
      if (unavailable) throw notAvailable(aLabel, unavailable, uLabel);
      const nameServerIds = await resolveNameServers(tx, {
        domainName: aLabel,
        hosts,
        nsaHandleId: account.handleId,
        managementModel: toDbModel(managementModel),
        now,
      });
      const periodYears = input.periodYears ?? 1;
      const held = plan.terms === "method-2";
      const state = held ? "HELD" : "ACTIVE";
      const renewalPolicy = input.renewalPolicy ?? account.defaultRenewalPolicy;
      const crDate = held ? null : now;
      const exDate = plan.terms === "method-2" ? null : plan.exDate;
      const extra = {
        reference: input.reference ?? null,
        poNumber: input.poNumber ?? null,
        accountCode: input.accountCode ?? null,
      };
      // the domain and its delegations in one statement
      let domainId: string;
      try {
        const rows = await tx.$queryRaw<{ id: string }[]>`
          WITH created AS (
            INSERT INTO "Domain" ("aLabel", "uLabel", "liveName", state, "managementModel",
              "renewalPolicy", "registrarId", "registrantId", "proxyId", "payerId", "crDate",
              "exDate", reference, "poNumber", "accountCode", "createdAt", "updatedAt")
            VALUES (${aLabel}, ${uLabel}, ${aLabel}, ${state}::"DomainState",
              ${toDbModel(managementModel)}::"ManagementModel", ${renewalPolicy}::"RenewalPolicy",
              ${actor.accountId}::uuid, ${registrant.id}::uuid, ${proxy?.id ?? null}::uuid,
              ${payer?.id ?? null}::uuid, ${crDate}::timestamptz,
              ${exDate}::date, ${extra.reference},
              ${extra.poNumber}, ${extra.accountCode}, ${now}::timestamptz, ${now}::timestamptz)
            RETURNING id
          ), delegated AS (
            INSERT INTO "Delegation" ("domainId", "nameServerId", position)
            SELECT created.id, ns.id, ns.position - 1
            FROM created, unnest(${nameServerIds}::uuid[]) WITH ORDINALITY AS ns(id, position)
          )
          SELECT id FROM created`;
        domainId = rows[0]!.id;
      } catch (error) {
        // The unique liveName makes "taken" a database fact, also against a concurrent registration.
        if (isLiveNameTaken(error)) throw notAvailable(aLabel, "REGISTERED", uLabel);
        throw error;
      }
      // what readDomainView would read back: exactly what was just written
      const domain: DomainView = {
        id: domainId,
        name: aLabel,
        uLabel,
        state,
        managementModel: toDbModel(managementModel),
        renewalPolicy,
        registrant: registrant.handle,
        proxy: proxy?.handle ?? null,
        payer: payer?.handle ?? null,
        crDate,
        exDate,
        suspendedAt: null,
        suspensionReason: null,
        deleteAt: null,
        ...extra,
        nameServers: hosts,
      };
      audit.objectId = domainId;

      if (plan.terms === "method-2") {
        const token = generateTokenSecret();
        const link = termsLinkPath(token);
        await tx.registrationHold.create({
          data: {
            domainId,
            accountId: actor.accountId,
            registrantId: registrant.id,
            tokenHash: hashToken(token),
            periodYears,
            requestedByUserId: actor.userId,
            appliedAt: now,
            expiresAt: plan.holdEndsAt,
            // R-REG-6: the hold keeps the offer reserved; it is used up when the domain is created
            offerId,
          },
        });
        const until = plan.holdEndsAt.toISOString();
        await queueNotification(tx, {
          accountId: actor.accountId,
          type: "REGISTRATION_TERMS_REQUESTED",
          domainName: aLabel,
          message: `Registration of ${uLabel} awaits ${registrant.handle}'s acceptance of the terms until ${until}: ${link}`,
          data: { link, holdExpiresAt: until },
          now,
        });
        await queueMail(tx, {
          accountId: actor.accountId,
          kind: "REGISTRATION_TERMS_REQUEST",
          to: registrant.email,
          subject: `Accept the terms for ${uLabel}`,
          body: `${account.name} has applied to register ${uLabel} for you (${registrant.handle}). Accept or refuse the registry's terms before ${until}: ${link}`,
          now,
        });
        audit.after = { state: "HELD", holdExpiresAt: until, ...(offerId && { offerId }) };
        return { status: "HELD" as const, domain, termsLink: link, holdExpiresAt: plan.holdEndsAt };
      }

      const charged = priceForPeriod(policy, { unit: "y", value: periodYears });
      if (offerId) await useWaitingListOffer(tx, offerId, now);
      // Decision: a method-1 statement is recorded on the handle when it had none, so the
      // registrant is not asked again (R-REG-2 last sentence).
      if (plan.terms === "method-1" && !registrant.termsAcceptedAt) {
        await tx.handle.update({
          where: { id: registrant.id },
          data: { termsAcceptedAt: plan.termsAcceptedAt },
        });
      }
      audit.after = {
        state: domain.state,
        exDate: domain.exDate,
        terms: plan.terms,
        charged,
        ...(offerId && { offerUsed: offerId }),
      };
      await auditNow();
      // last: the debit (R-PAY-1, never overdrawn), under the account row's lock until the commit
      const balance = await debitAccount(tx, {
        accountId: actor.accountId,
        operation: "REGISTRATION",
        amount: charged,
        overdraw: false,
        actor,
        now,
        domain: { id: domainId, name: aLabel },
        periodMonths: periodYears * 12,
        description: `Registration of ${uLabel}, ${periodYears} year${periodYears === 1 ? "" : "s"}`,
      });
      return { status: "ACTIVE" as const, domain, charged, balance };
    },
  );
}

/** A unique violation of Domain.liveName: the name was registered meanwhile. */
function isLiveNameTaken(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  const cause = (
    error as {
      meta?: {
        driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } };
      };
    }
  )?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" && /liveName/.test(cause.originalMessage ?? "");
}
