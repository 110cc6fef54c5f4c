import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";

// Issue 22: the floor page of the HTTP benchmarks (bench/http.ts) — a signed-in page through the
// same server entry, proxy and session check as every portal page, rendering almost nothing and
// outside the portal layout, so its requests/s is the framework-plus-auth limit the portal's pages
// are measured against.

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("floor"))("title") };
}

export default async function SessionFloorPage() {
  const actor = await requireActor({ enrolled: true });
  const t = await getTranslations("floor");
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p data-testid="floor-user">{t("signedInAs", { email: actor.label })}</p>
    </main>
  );
}
