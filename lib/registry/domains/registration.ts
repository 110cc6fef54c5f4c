import { Prisma } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { findUnavailability, notAvailable } from "@/lib/registry/domains/availability";
import { resolveNameServers } from "@/lib/registry/nameservers/delegation";
import { type DomainView, readDomainView } from "@/lib/registry/domains/domain-view";
import { findRegistrantHandle, findUsableContact } from "@/lib/registry/contacts";
import { debitAccount } from "@/lib/registry/billing";
import { queueMail, queueNotification } from "@/lib/registry/messages";
import { runRegistrarOperation } from "@/lib/registry/operation";
import type { ManagementModel } from "@/lib/registry/policy";
import {
  checkRegistration,
  generateTokenSecret,
  hashToken,
  normaliseNameServers,
  parseDomainName,
  priceForPeriod,
  registryDateToDb,
} from "@/lib/registry/rules";
import { assertTokenUseAllowed, recordingTokenFailures } from "@/lib/registry/tokens/token-use";
import { claimWaitingListOffer, useWaitingListOffer } from "@/lib/registry/registrants/waiting-list-claim";

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
    async ({ tx, actor, now, policy, audit }) => {
      const { aLabel, uLabel } = parseDomainName(input.name);
      audit.objectLabel = aLabel;
      const account = await tx.registrarAccount.findUniqueOrThrow({
        where: { id: actor.accountId },
      });
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
      if (input.authorizationCode) await assertTokenUseAllowed(tx, actor.accountId, policy, now);
      const offerId = await claimWaitingListOffer(tx, {
        aLabel,
        code: input.authorizationCode?.trim() || null,
        registrantId: registrant.id,
        managementModel,
        now,
      });
      const unavailable = await findUnavailability(tx, aLabel, { usingOfferId: offerId });
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
      let domainId: string;
      try {
        const created = await tx.domain.create({
          data: {
            aLabel,
            uLabel,
            liveName: aLabel,
            state: held ? "HELD" : "ACTIVE",
            managementModel: toDbModel(managementModel),
            renewalPolicy: input.renewalPolicy ?? account.defaultRenewalPolicy,
            registrarId: actor.accountId,
            registrantId: registrant.id,
            proxyId: proxy?.id ?? null,
            payerId: payer?.id ?? null,
            crDate: held ? null : now,
            exDate: plan.terms === "method-2" ? null : registryDateToDb(plan.exDate),
            reference: input.reference ?? null,
            poNumber: input.poNumber ?? null,
            accountCode: input.accountCode ?? null,
            createdAt: now,
            delegations: {
              create: nameServerIds.map((nameServerId, position) => ({ nameServerId, position })),
            },
          },
          select: { id: true },
        });
        domainId = created.id;
      } catch (error) {
        // The unique liveName makes "taken" a database fact, also against a concurrent registration.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw notAvailable(aLabel, "REGISTERED", uLabel);
        }
        throw error;
      }
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
        const domain = await readDomainView(tx, domainId);
        audit.after = { state: "HELD", holdExpiresAt: until, ...(offerId && { offerId }) };
        return { status: "HELD" as const, domain, termsLink: link, holdExpiresAt: plan.holdEndsAt };
      }

      const charged = priceForPeriod(policy, { unit: "y", value: periodYears });
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
      if (offerId) await useWaitingListOffer(tx, offerId, now);
      // Decision: a method-1 statement is recorded on the handle when it had none, so the
      // registrant is not asked again (R-REG-2 last sentence).
      if (plan.terms === "method-1" && !registrant.termsAcceptedAt) {
        await tx.handle.update({
          where: { id: registrant.id },
          data: { termsAcceptedAt: plan.termsAcceptedAt },
        });
      }
      const domain = await readDomainView(tx, domainId);
      audit.after = {
        state: domain.state,
        exDate: domain.exDate,
        terms: plan.terms,
        charged,
        ...(offerId && { offerUsed: offerId }),
      };
      return { status: "ACTIVE" as const, domain, charged, balance };
    },
  );
}
