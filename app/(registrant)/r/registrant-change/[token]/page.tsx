import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getRegistrantChangeTermsRequest } from "@/lib/registry/registrants";
import { AnswerPanel } from "../../_components/answer-panel";
import { limitedMinutes, loadByLink, registrantContext, registrantTitle } from "../../_components/registrant-page";
import { RateLimited } from "../../_components/status";
import { TermsText } from "../../_components/terms-text";

export async function generateMetadata(): Promise<Metadata> {
  return registrantTitle("terms.termsHeading");
}

/** R-CHG-3: the new registrant accepts or declines the terms of a change of registrant. */
export default async function RegistrantChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await registrantContext();
  const minutes = await limitedMinutes(ctx);
  if (minutes !== null) return <RateLimited minutes={minutes} />;
  const request = await loadByLink(ctx, () => getRegistrantChangeTermsRequest(ctx, { token }));
  const [t, locale] = await Promise.all([getTranslations("registrant"), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader
        title={t("change.title", { domain: request.domain })}
        description={t("change.intro", { registrar: request.registrar, domain: request.domain })}
      />
      <Card>
        <CardContent className="pt-4">
          <DescriptionList
            items={[
              { term: t("facts.domain"), value: request.domain },
              { term: t("facts.registrar"), value: request.registrar },
              {
                term: t("facts.newRegistrant"),
                value: `${request.newRegistrantName} (${request.newRegistrant})`,
              },
              { term: t("facts.answerBy"), value: formatDeadline(request.expiresAt, locale) },
            ]}
          />
        </CardContent>
      </Card>
      <TermsText />
      <AnswerPanel kind="change" token={token} domain={request.domain} />
    </>
  );
}
