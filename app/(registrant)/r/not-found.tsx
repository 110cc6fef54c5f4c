import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvalidLink } from "./_components/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: { absolute: (await getTranslations("registrant.invalid"))("metaTitle") } };
}

/** A /r/ link that is unknown, used or expired: one message for all three (issue 16). */
export default function RegistrantNotFound() {
  return <InvalidLink />;
}
