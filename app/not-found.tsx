import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/portal/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.notFound"))("title") };
}

export default function NotFound() {
  return <StatusPage status={404} kind="notFound" />;
}
