import { SectionPlaceholder } from "@/components/portal/placeholder";
import { guardPage } from "@/lib/auth/actor";

export default async function Page() {
  await guardPage("account.users");
  return <SectionPlaceholder title="Administration">Users, service users, handles, account settings, IP allowlist and audit trail.</SectionPlaceholder>;
}
