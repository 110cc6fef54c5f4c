import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { DomainAction } from "@/lib/registry/domains";
import { registrantChangeFee } from "@/lib/registry/registrants";
import { tokenIssueNeedsTotp } from "@/lib/registry/tokens";
import { ChangeRegistrant } from "./change-registrant";
import { IssueTransferToken } from "./issue-transfer-token";

// Issue 16: the domain page's actions for transfer tokens and change of registrant. The page
// hands over an action here when it is possible now — or, for a change of registrant, when one is
// already pending (then the way to that request); otherwise the page shows why not, as before.

/** Whether this file draws the action's control (the page's panel draws the rest). */
export function ownsTransferControl(a: DomainAction): boolean {
  if (a.action === "issueTransferToken") return a.possible;
  if (a.action === "changeRegistrant") return a.possible || a.reason?.details?.reason === "PENDING_REQUEST";
  return false;
}

export async function DomainTransferControl({
  action,
  name,
  uLabel,
}: {
  action: DomainAction;
  name: string;
  uLabel: string;
}) {
  const t = await getTranslations("domainTransfer");
  if (action.action === "issueTransferToken") {
    const stepUp = await tokenIssueNeedsTotp(coreContext(await requireActor()));
    return <IssueTransferToken name={name} uLabel={uLabel} stepUp={stepUp} />;
  }
  if (action.possible) {
    const fee = await registrantChangeFee(coreContext(await requireActor()));
    return <ChangeRegistrant name={name} uLabel={uLabel} fee={formatMoney(fee, (await getLocale()) as Locale)} />;
  }
  return (
    <>
      <Link
        href={`/domains/${name}/registrant-change`}
        className={buttonClassName("secondary", "md", "justify-start")}
        aria-describedby="registrant-change-pending-note"
      >
        {t("change.openRequest")}
      </Link>
      <p id="registrant-change-pending-note" className="text-xs text-muted">
        {t("change.pendingNote")}
      </p>
    </>
  );
}
