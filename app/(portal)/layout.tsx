import { PortalShell } from "@/components/portal/portal-shell";
import { requireActor } from "@/lib/auth/actor";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <PortalShell actor={actor}>{children}</PortalShell>;
}
