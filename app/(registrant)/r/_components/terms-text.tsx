import { getTranslations } from "next-intl/server";

/** The registry's terms a registrant accepts (R-REG-2, R-CHG-3). */
export async function TermsText() {
  const t = await getTranslations("registrant.terms");
  return (
    <section aria-labelledby="registry-terms" className="flex flex-col gap-2">
      <h2 id="registry-terms" className="text-lg font-semibold">
        {t("termsHeading")}
      </h2>
      <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm">
        <li>{t("term1")}</li>
        <li>{t("term2")}</li>
        <li>{t("term3")}</li>
      </ol>
    </section>
  );
}
