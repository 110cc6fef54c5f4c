import { SectionPlaceholder } from "@/components/portal/placeholder";
import { guardPage } from "@/lib/auth/actor";

export default async function Page() {
  await guardPage("billing.view");
  return <SectionPlaceholder title="Billing">Your prepaid balance, top-ups and the ledger.</SectionPlaceholder>;
}
