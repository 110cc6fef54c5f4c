import type { ManagementModel, RenewalPolicy } from "@/lib/db/generated/enums";
import { requireFreshTotp } from "@/lib/registry/accounts/account-guards";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { requirePermission } from "@/lib/registry/permissions";

// R-ACC-6 account defaults (Administrator). They are read when a domain is registered, a handle
// or name server created or a domain transferred in — never written into existing domains.

export type AccountSettings = {
  defaultManagementModel: ManagementModel;
  defaultRenewalPolicy: RenewalPolicy;
  totpRequired: boolean;
};

const select = { defaultManagementModel: true, defaultRenewalPolicy: true, totpRequired: true } as const;

export async function getAccountSettings(ctx: CoreContext): Promise<AccountSettings> {
  const actor = requirePermission(ctx.actor, "account.settings");
  return ctx.db.registrarAccount.findUniqueOrThrow({ where: { id: actor.accountId }, select });
}

/** The account's contact data as the registry holds it (changed only by the registry operator). */
export type AccountProfile = {
  handle: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string;
  phone: string | null;
  vatNumber: string | null;
  fikCode: string;
  accountNumber: string;
};

export async function getAccountProfile(ctx: CoreContext): Promise<AccountProfile> {
  const actor = requirePermission(ctx.actor, "account.settings");
  const { handle, ...rest } = await ctx.db.registrarAccount.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: {
      handle: { select: { handle: true } },
      name: true,
      street: true,
      postalCode: true,
      city: true,
      countryCode: true,
      email: true,
      phone: true,
      vatNumber: true,
      fikCode: true,
      accountNumber: true,
    },
  });
  return { handle: handle.handle, ...rest };
}

export async function updateAccountSettings(
  ctx: CoreContext,
  input: Partial<AccountSettings> & { totpCode?: string },
): Promise<AccountSettings> {
  return runRegistrarOperation(
    ctx,
    { name: "account.updateSettings", verb: "account.settings", objectType: "RegistrarAccount" },
    async ({ tx, actor, now, policy, audit }) => {
      audit.objectId = actor.accountId;
      const before = await tx.registrarAccount.findUniqueOrThrow({ where: { id: actor.accountId }, select });
      const model = input.defaultManagementModel;
      if (model !== undefined && model !== "REGISTRAR" && model !== "REGISTRANT") {
        throw new RegistryError("VALIDATION_FAILED", "Unknown management model", { field: "defaultManagementModel" });
      }
      if (model && !policy.registration.managementModels.includes(model === "REGISTRAR" ? "registrar" : "registrant")) {
        throw new RegistryError(
          "MANAGEMENT_MODEL_NOT_ALLOWED",
          `The registry does not allow ${model.toLowerCase()} management for new domains`,
          { field: "defaultManagementModel" },
        );
      }
      const renewal = input.defaultRenewalPolicy;
      if (renewal !== undefined && renewal !== "AUTO_RENEW" && renewal !== "AUTO_EXPIRE") {
        throw new RegistryError("VALIDATION_FAILED", "Unknown renewal policy", { field: "defaultRenewalPolicy" });
      }
      // Turning mandatory TOTP off weakens every login: a risky action.
      if (input.totpRequired === false && before.totpRequired) {
        await requireFreshTotp(tx, actor, input.totpCode, now);
      }
      const after = await tx.registrarAccount.update({
        where: { id: actor.accountId },
        data: {
          defaultManagementModel: model,
          defaultRenewalPolicy: renewal,
          totpRequired: input.totpRequired,
          updatedAt: now,
        },
        select,
      });
      // The audit's before → after names only what changed.
      const changed = (Object.keys(select) as (keyof AccountSettings)[]).filter((k) => before[k] !== after[k]);
      Object.assign(audit, {
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      return after;
    },
  );
}
