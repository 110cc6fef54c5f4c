import { SectionPlaceholder } from "@/components/portal/placeholder";
import { guardPage } from "@/lib/auth/actor";

export default async function Page() {
  await guardPage("domain.view");
  return <SectionPlaceholder title="Domains">Search, register, renew and manage your domain names.</SectionPlaceholder>;
}
