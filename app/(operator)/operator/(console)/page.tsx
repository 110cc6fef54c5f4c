import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { listOperatorInvoices, listPendingIdControls, listRegistrars } from "@/lib/registry/operator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.home"))("title") };
}

function Tile({ href, label, value }: { href: string; label: string; value: number }) {
  return (
    <Link
      href={href}
      className="rounded-lg border border-border bg-surface p-4 text-zinc-900 no-underline hover:bg-zinc-50 hover:no-underline"
    >
      <p className="text-sm text-muted">{label}</p>
      <p className="text-3xl font-semibold">{value}</p>
    </Link>
  );
}

export default async function OperatorHome() {
  const ctx = coreContext(await requireOperatorActor());
  const t = await getTranslations("operator.home");
  const [registrars, idControls, invoices] = await Promise.all([
    listRegistrars(ctx),
    listPendingIdControls(ctx),
    listOperatorInvoices(ctx, { state: "OPEN" }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Tile href="/operator/registrars" label={t("registrars")} value={registrars.length} />
        <Tile href="/operator/id-control" label={t("idControls")} value={idControls.length} />
        <Tile href="/operator/invoices" label={t("openInvoices")} value={invoices.length} />
      </div>
    </div>
  );
}
