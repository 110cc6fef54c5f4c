import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { WaitingListForm } from "../_components/waiting-list-form";
import { limitedMinutes, registrantContext, registrantTitle } from "../_components/registrant-page";
import { RateLimited } from "../_components/status";

export async function generateMetadata(): Promise<Metadata> {
  return registrantTitle("waitingList.title");
}

/** R-REG-6: anyone joins a name's waiting list (issue 16). */
export default async function WaitingListPage() {
  const minutes = await limitedMinutes(await registrantContext());
  if (minutes !== null) return <RateLimited minutes={minutes} />;
  const t = await getTranslations("registrant.waitingList");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <WaitingListForm />
    </>
  );
}
