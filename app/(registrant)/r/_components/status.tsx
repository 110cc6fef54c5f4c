import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

export async function InvalidLink() {
  const t = await getTranslations("registrant.invalid");
  return (
    <>
      <PageHeader title={t("title")} />
      <Alert tone="warning">{t("body")}</Alert>
    </>
  );
}

/** The address has used up its attempts (issue 16): how long until it may try again. */
export async function RateLimited({ minutes }: { minutes: number }) {
  const t = await getTranslations("registrant.limited");
  return (
    <>
      <PageHeader title={t("title")} />
      <Alert tone="warning">{t("message", { minutes })}</Alert>
    </>
  );
}
