import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { listLinkedHandles, listLinkOptions } from "@/lib/registry/accounts";
import { CreateHandleButton } from "./_components/create-handle-button";
import { LinkHandleDialog } from "./_components/link-handle-dialog";
import { MergeHandlesDialog } from "./_components/merge-handles-dialog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.handles"))("title") };
}

// R-ACC-5: the linked handles, the registrar handle first and marked, with what uses each.
export default async function HandlesPage() {
  const actor = await guardPage("account.handles");
  const ctx = coreContext(actor);
  const [t, tm, handles, options] = await Promise.all([
    getTranslations("admin.handles"),
    getTranslations("admin.models"),
    listLinkedHandles(ctx),
    listLinkOptions(ctx),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <LinkHandleDialog candidates={options.candidates} nonMatching={options.nonMatching} />
            <CreateHandleButton />
            <MergeHandlesDialog
              handles={handles.map((h) => ({ handle: h.handle, name: h.name, isRegistrarHandle: h.isRegistrarHandle }))}
            />
          </>
        }
      />
      <Table caption={t("tableCaption")}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("handle")}</TableHeaderCell>
            <TableHeaderCell>{t("name")}</TableHeaderCell>
            <TableHeaderCell>{t("email")}</TableHeaderCell>
            <TableHeaderCell>{t("management")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("domains")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("nameServers")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {handles.map((h) => (
            <TableRow key={h.handle}>
              <TableCell>
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/admin/handles/${h.handle}`} className="font-medium text-accent-700 hover:underline">
                    {h.handle}
                  </Link>
                  {h.isRegistrarHandle ? <Badge tone="accent">{t("registrarHandle")}</Badge> : null}
                </span>
              </TableCell>
              <TableCell>{h.name}</TableCell>
              <TableCell className="break-all">{h.email}</TableCell>
              <TableCell>{tm(h.managementModel)}</TableCell>
              <TableCell className="text-right tabular-nums">{h.domains}</TableCell>
              <TableCell className="text-right tabular-nums">{h.nameServers}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
