import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/portal/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.forbidden"))("title") };
}

// Rendered with HTTP 403 when a page or layout calls forbidden() (experimental.authInterrupts).
export default function Forbidden() {
  return <StatusPage status={403} kind="forbidden" />;
}
