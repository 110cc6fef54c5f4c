"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { dataTableColumns, type DataTableColumn } from "@/components/ui/data-table/data-table";
import type { DomainTableRow } from "./domains-table";
import { RenewDialog } from "./renew-dialog";

// Issue 15 item 2: "Renew" in the list's rows (for a user with domain.renew, the Payer), on each
// active domain name; the dialog is the domain page's.

const col = dataTableColumns<DomainTableRow>();

export function useRenewColumn(enabled: boolean): DataTableColumn<DomainTableRow> | null {
  const t = useTranslations("domainOps");
  if (!enabled) return null;
  return col.display({
    id: "renew",
    header: t("columns.actions"),
    meta: { label: t("columns.actions"), className: "whitespace-nowrap" },
    cell: ({ row }) => {
      const d = row.original;
      if (d.state !== "ACTIVE" || !d.exDate) return null;
      return (
        <RenewDialog
          name={d.name}
          uLabel={d.uLabel}
          exDate={d.exDate}
          trigger={
            <Button variant="secondary" size="sm" aria-label={t("open.renewRow", { name: d.uLabel })}>
              {t("open.renew")}
            </Button>
          }
        />
      );
    },
  });
}
