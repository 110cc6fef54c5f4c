import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getOwnSecurity, startTotpEnrolment } from "@/lib/registry/accounts";
import { TwoFactorPanel } from "./_components/two-factor-panel";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.twoFactor"))("title") };
}

// "Two-factor authentication" (user menu, issue 19): set up with a QR code and the key as text,
// confirmed by a code; ten recovery codes shown once; new codes; turning it off with a code. A
// session that owes the enrolment (the account requires TOTP) is sent here before anything else,
// so this page alone asks for no enrolled session.
export default async function TwoFactorPage() {
  const actor = await requireActor();
  const ctx = coreContext(actor);
  const [t, locale, own] = await Promise.all([
    getTranslations("security.twoFactor"),
    getLocale() as Promise<Locale>,
    getOwnSecurity(ctx),
  ]);
  let enrolment: { secret: string; qrDataUrl: string } | null = null;
  if (!own.totpEnabled) {
    const { secret, otpauthUri } = startTotpEnrolment(ctx);
    enrolment = { secret, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 200 }) };
  }
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("intro")} className="mb-2" />
      {own.enrolmentPending ? (
        <Alert tone="warning" live>
          {t("required")}
        </Alert>
      ) : own.accountRequiresTotp ? (
        <p className="text-sm text-zinc-700">{t("requiredShort")}</p>
      ) : null}
      <TwoFactorPanel
        userId={actor.userId}
        email={own.email}
        totpEnabled={own.totpEnabled}
        statusText={
          own.totpEnabledAt ? t("statusOn", { since: formatDateTime(own.totpEnabledAt, locale) }) : t("statusOff")
        }
        recoveryCodesLeft={own.recoveryCodesLeft}
        accountRequiresTotp={own.accountRequiresTotp}
        enrolmentPending={own.enrolmentPending}
        enrolment={enrolment}
      />
    </section>
  );
}
