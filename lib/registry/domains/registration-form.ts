import type { CoreContext } from "@/lib/registry/context";
import { listContacts } from "@/lib/registry/contacts";
import { requirePermission } from "@/lib/registry/permissions";
import type { ManagementModel } from "@/lib/registry/policy";
import { getPolicy } from "@/lib/registry/policy-store";
import { priceForPeriod } from "@/lib/registry/rules";

// Issue 15, "Register" (R-REG-1…5): what the register form shows before anything happens — the
// periods and management models the policy allows, the account's defaults (R-ACC-6), the price of
// each period and the balance (R-REG-5: the price and the balance after are shown before
// "Register") — and the handle pickers' search (R-REG-3). Reads only; registerDomain decides.

export type RenewalPolicyValue = "AUTO_RENEW" | "AUTO_EXPIRE";

export type RegistrationOptions = {
  periodYears: number[];
  managementModels: ManagementModel[];
  defaultManagementModel: ManagementModel;
  /** R-ACC-6: a new registration takes the account's default renewal policy. */
  defaultRenewalPolicy: RenewalPolicyValue;
  /** Price in øre of each allowed period (years → øre). */
  prices: Record<number, number>;
  /** The prepaid balance now, in øre (R-REG-5: a registration must not overdraw it). */
  balance: number;
  termsMaxAgeDays: number;
  holdDays: number;
};

/** The register form's choices and figures, for a Registrar (domain.register). */
export async function getRegistrationOptions(ctx: CoreContext): Promise<RegistrationOptions> {
  const actor = requirePermission(ctx.actor, "domain.register");
  const [policy, account] = await Promise.all([
    getPolicy(ctx.db, ctx.clock.now()),
    ctx.db.registrarAccount.findUniqueOrThrow({
      where: { id: actor.accountId },
      select: { balance: true, defaultManagementModel: true, defaultRenewalPolicy: true },
    }),
  ]);
  const periods = policy.registration.periodYears;
  return {
    periodYears: [...periods],
    managementModels: [...policy.registration.managementModels],
    defaultManagementModel: account.defaultManagementModel === "REGISTRAR" ? "registrar" : "registrant",
    defaultRenewalPolicy: account.defaultRenewalPolicy,
    prices: Object.fromEntries(
      periods.map((years) => [years, priceForPeriod(policy, { unit: "y", value: years })]),
    ),
    balance: account.balance,
    termsMaxAgeDays: policy.registration.termsMaxAgeDays,
    holdDays: policy.registration.holdDays,
  };
}

export type HandleChoice = {
  handle: string;
  name: string;
  email: string;
  managementModel: ManagementModel;
  /** Set when the handle's registrant has accepted the registry's terms (R-REG-2: no new ask). */
  termsAcceptedAt: Date | null;
  /** Linked to the account (one of its contacts), or a registrant-managed handle named by id. */
  linked: boolean;
};

export const HANDLE_CHOICES_SHOWN = 10;
// a registry handle id as the .dk registry issues them: letters and digits, "-DK"
const HANDLE_ID = /^[A-Z0-9]{2,16}-[A-Z]{2,8}$/;

/**
 * R-REG-3: the handles a registration may name for a role, under the chosen management model —
 * the account's own contacts of that model, searched by name, email or handle id; and, under
 * registrant management, any registrant-managed handle named exactly by its id (linked to the
 * account or to none, never another registrar's: findRegistrantHandle and findUsableContact, which
 * registerDomain uses, decide the same).
 */
export async function searchRegistrationHandles(
  ctx: CoreContext,
  input: { query: string; managementModel: ManagementModel },
): Promise<HandleChoice[]> {
  const actor = requirePermission(ctx.actor, "domain.register");
  const dbModel = input.managementModel === "registrar" ? "REGISTRAR" : "REGISTRANT";
  const query = input.query.trim().slice(0, 100);
  if (!query) return [];
  const page = await listContacts(ctx, {
    search: query,
    managementModel: dbModel,
    limit: HANDLE_CHOICES_SHOWN,
  });
  const handles = page.contacts.map((c) => c.handle);
  const id = query.toUpperCase();
  const byId =
    input.managementModel === "registrant" && HANDLE_ID.test(id) && !handles.includes(id) ? id : null;
  const rows = await ctx.db.handle.findMany({
    where: {
      mergedIntoId: null,
      managementModel: dbModel,
      OR: [
        { handle: { in: handles }, accountId: actor.accountId },
        ...(byId ? [{ handle: byId, OR: [{ accountId: actor.accountId }, { accountId: null }] }] : []),
      ],
    },
    select: { handle: true, name: true, email: true, accountId: true, termsAcceptedAt: true },
  });
  const found = new Map(rows.map((r) => [r.handle, r]));
  return [...handles, ...(byId ? [byId] : [])].flatMap((handle) => {
    const row = found.get(handle);
    if (!row) return [];
    return [
      {
        handle: row.handle,
        name: row.name,
        email: row.email,
        managementModel: input.managementModel,
        termsAcceptedAt: row.termsAcceptedAt,
        linked: row.accountId === actor.accountId,
      },
    ];
  });
}
