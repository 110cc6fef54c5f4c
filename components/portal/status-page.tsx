import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { PortalShell } from "./portal-shell";
import { shellState } from "./shell-state";

/**
 * The 404 and 403 pages: inside the portal's shell for a signed-in user (its navigation stays
 * at hand), on their own otherwise; the explanation sits at the top of the page either way.
 */
export async function StatusPage({ status, kind }: { status: 403 | 404; kind: "notFound" | "forbidden" }) {
  const t = await getTranslations(`pages.${kind}`);
  // thrown by a portal page, the portal layout already drew the shell around us
  const actor = shellState().inShell ? null : await getActor();
  const body = (
    <section aria-labelledby="status-title" className="flex max-w-2xl flex-col gap-3">
      <p className="text-sm font-medium text-muted">{status}</p>
      <h1 id="status-title" className="text-2xl">
        {t("heading")}
      </h1>
      <p className="text-zinc-700">{t("body")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </section>
  );
  if (shellState().inShell) return body;
  if (actor) return <PortalShell actor={actor}>{body}</PortalShell>;
  return <main className="mx-auto flex max-w-2xl flex-col px-4 py-12">{body}</main>;
}
