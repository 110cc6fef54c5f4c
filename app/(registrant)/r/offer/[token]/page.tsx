import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { formatDeadline } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getWaitingListOffer } from "@/lib/registry/registrants";
import { OfferForm } from "../../_components/offer-form";
import { limitedMinutes, loadByLink, registrantContext, registrantTitle } from "../../_components/registrant-page";
import { RateLimited } from "../../_components/status";

export async function generateMetadata(): Promise<Metadata> {
  return registrantTitle("offer.code");
}

/** R-REG-6: the waiting-list holder accepts the offer with the mailed code, or declines it. */
export default async function OfferPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await registrantContext();
  const minutes = await limitedMinutes(ctx);
  if (minutes !== null) return <RateLimited minutes={minutes} />;
  const offer = await loadByLink(ctx, () => getWaitingListOffer(ctx, { link: token }));
  const [t, locale] = await Promise.all([getTranslations("registrant"), getLocale() as Promise<Locale>]);
  const until = formatDeadline(offer.expiresAt, locale);
  return (
    <>
      <PageHeader
        title={t("offer.title", { domain: offer.name })}
        description={t("offer.intro", { holder: offer.holderName, domain: offer.name })}
      />
      <Card>
        <CardContent className="pt-4">
          <DescriptionList
            items={[
              { term: t("facts.domain"), value: offer.name },
              { term: t("facts.holder"), value: offer.holderName },
              { term: t("facts.offeredUntil"), value: until },
            ]}
          />
        </CardContent>
      </Card>
      <OfferForm link={token} domain={offer.name} until={until} />
    </>
  );
}
