import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvalidLink } from "./_components/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registrant");
  return { title: { absolute: t("invalid.metaTitle") }, description: t("registry") };
}

/** A /r/ link that is unknown, used or expired: one message for all three (issue 16). */
export default function RegistrantNotFound() {
  return <InvalidLink />;
}
