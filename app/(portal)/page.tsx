import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { countMessages } from "@/lib/registry/notifications";

export default async function DashboardPage() {
  const actor = await requireActor();
  const unread = await countMessages(coreContext(actor));
  return (
    <section aria-labelledby="dashboard-title" className="flex flex-col gap-6">
      <h1 id="dashboard-title" className="text-2xl font-semibold">
        Dashboard
      </h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Link href="/messages" className="rounded-lg border border-border bg-surface p-4 hover:bg-zinc-50">
          <p className="text-sm text-muted">Unread messages</p>
          <p className="text-3xl font-semibold">{unread}</p>
        </Link>
      </div>
    </section>
  );
}
