import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import type { RegistrarActor } from "@/lib/registry/actor";
import { can } from "@/lib/registry/permissions";

/**
 * Issue 16: the domain list's ways to transfer — "Transfer domain" for the Registrar (transfer
 * in) and "Transfer tokens" for the Proxy (the open tokens) — each only for the roles that may.
 */
export async function TransferLinks({ actor }: { actor: RegistrarActor }) {
  const t = await getTranslations("domainTransfer");
  return (
    <>
      {can(actor, "domain.transferToken.issue") ? (
        <Link href="/domains/tokens" className={buttonClassName("secondary")}>
          {t("tokens.title")}
        </Link>
      ) : null}
      {can(actor, "domain.transferIn") ? (
        <Link href="/domains/transfer" className={buttonClassName("secondary")}>
          {t("transfer.button")}
        </Link>
      ) : null}
    </>
  );
}
