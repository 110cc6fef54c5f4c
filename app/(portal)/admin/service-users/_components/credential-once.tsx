"use client";

import { useTranslations } from "next-intl";
import { ShownOnce } from "../../_users-shared/form-bits";

/** The service credential, shown once in the dialog that issued it; never stored in the page. */
export function CredentialOnce({ secret }: { secret: string }) {
  const t = useTranslations("users.serviceUsers.credential");
  return <ShownOnce label={t("label")} value={secret} />;
}
