import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { getPolicyInForce, listPolicyVersions, policyPresets } from "@/lib/registry/policy-admin";
import { toPolicyForm } from "@/lib/schemas/operator";
import { PolicyForm } from "../../_components/policy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.policy"))("title") };
}

const show = (value: unknown) => (value === null ? "—" : Array.isArray(value) ? value.join(", ") : String(value));

export default async function PolicyPage() {
  const ctx = coreContext(await requireOperatorActor());
  const [t, locale] = await Promise.all([getTranslations("operator.policy"), getLocale() as Promise<Locale>]);
  const [current, versions] = await Promise.all([getPolicyInForce(ctx), listPolicyVersions(ctx)]);
  const presets = Object.fromEntries(Object.entries(policyPresets).map(([k, p]) => [k, toPolicyForm(p)]));
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <PolicyForm current={toPolicyForm(current)} presets={presets} />
      <section className="flex flex-col gap-3" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-lg font-semibold">
          {t("versions")}
        </h2>
        <Table caption={t("versions")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("version")}</TableHeaderCell>
              <TableHeaderCell>{t("effectiveFrom")}</TableHeaderCell>
              <TableHeaderCell>{t("status")}</TableHeaderCell>
              <TableHeaderCell>{t("madeBy")}</TableHeaderCell>
              <TableHeaderCell>{t("changes")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.id}>
                <TableCell className="tabular-nums">{v.version}</TableCell>
                <TableCell>{v.effectiveFrom ? formatDateTime(v.effectiveFrom, locale) : t("always")}</TableCell>
                <TableCell>{t(`statuses.${v.status}`)}</TableCell>
                <TableCell>{t("madeByAt", { who: v.createdBy, at: formatDateTime(v.createdAt, locale) })}</TableCell>
                <TableCell>
                  {v.diff.length === 0 ? (
                    <span className="text-muted">{t("noChanges")}</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5 text-xs">
                      {v.diff.map((c) => (
                        <li key={c.path}>
                          <code>{c.path}</code>: {show(c.before)} → {show(c.after)}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
