import { SectionPlaceholder } from "@/components/portal/placeholder";
import { guardPage } from "@/lib/auth/actor";

export default async function Page() {
  await guardPage("message.view");
  return <SectionPlaceholder title="Messages">Notifications from the registry, oldest first.</SectionPlaceholder>;
}
