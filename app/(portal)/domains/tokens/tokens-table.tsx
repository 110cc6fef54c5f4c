"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, dataTableColumns } from "@/components/ui/data-table/data-table";
import type { TablePage } from "@/components/ui/data-table/table-params";
import { EmptyState } from "@/components/ui/empty-state";
import { retractTokensAction } from "@/lib/actions/domain-transfer";
import { tokensTable } from "./tokens-table-params";

export type TokenRow = {
  id: string;
  domain: string;
  uLabel: string;
  kind: string;
  issuedBy: string | null;
  issued: string;
  expires: string;
};

const col = dataTableColumns<TokenRow>();

export function TokensTable({ page }: { page: TablePage<TokenRow> }) {
  const t = useTranslations("domainTransfer.tokens");
  const router = useRouter();
  const byId = useMemo(() => new Map(page.rows.map((r) => [r.id, r])), [page.rows]);
  const columns = useMemo(
    () => [
      col.accessor("uLabel", {
        header: t("domain"),
        cell: (c) => (
          <Link href={`/domains/${c.row.original.domain}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("kind", { header: t("kind"), meta: { className: "font-mono text-xs" } }),
      col.accessor("issuedBy", { header: t("issuedBy"), cell: (c) => c.getValue() ?? "—" }),
      col.accessor("issued", { header: t("issued"), meta: { className: "whitespace-nowrap" } }),
      col.accessor("expires", {
        id: "expires",
        header: t("expires"),
        enableSorting: true,
        meta: { label: t("expires"), className: "whitespace-nowrap" },
      }),
      col.display({
        id: "actions",
        header: t("actions"),
        cell: (c) => (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" aria-label={t("retractOne", { name: c.row.original.uLabel, kind: c.row.original.kind })}>
                {t("retract")}
              </Button>
            }
            title={t("retractTitle", { name: c.row.original.uLabel, kind: c.row.original.kind })}
            consequences={[t("retractConsequence")]}
            confirmLabel={t("retract")}
            tone="danger"
            successMessage={t("retracted", { count: 1 })}
            onConfirm={() => retractTokensAction({ tokenIds: [c.row.original.id] })}
            onSuccess={() => router.refresh()}
          />
        ),
      }),
    ],
    [t, router],
  );
  return (
    <DataTable
      table={tokensTable}
      page={page}
      columns={columns}
      caption={t("caption")}
      getRowId={(r) => r.id}
      rowLabel={(r) => `${r.uLabel} ${r.kind}`}
      bulkActions={(ids, clear) => (
        <ConfirmDialog
          trigger={<Button variant="danger" size="sm">{t("retractSelected")}</Button>}
          title={t("retractSelectedTitle", { count: ids.length })}
          facts={ids.map((id) => ({ key: id, term: byId.get(id)?.kind ?? "", value: byId.get(id)?.uLabel ?? id }))}
          consequences={[t("retractConsequence")]}
          confirmLabel={t("retractSelected")}
          tone="danger"
          successMessage={(data) => {
            const refused = data?.refused.length ?? 0;
            return refused
              ? t("retractedSome", { count: data?.retracted.length ?? 0, refused })
              : t("retracted", { count: data?.retracted.length ?? ids.length });
          }}
          onConfirm={() => retractTokensAction({ tokenIds: ids })}
          onSuccess={() => {
            clear();
            router.refresh();
          }}
        />
      )}
      empty={<EmptyState title={t("none")} description={t("noneDescription")} />}
    />
  );
}
