import { SectionPlaceholder } from "@/components/portal/placeholder";
import { guardPage } from "@/lib/auth/actor";

export default async function Page() {
  await guardPage("nameserver.view");
  return <SectionPlaceholder title="Name servers">Create and maintain name servers, glue and redelegation tokens.</SectionPlaceholder>;
}
