import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { pageRequest } from "@/components/ui/data-table/table-params";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { countContacts, listContacts } from "@/lib/registry/contacts";
import { can } from "@/lib/registry/permissions";
import { contactsTable } from "./_components/contacts-table-params";
import { ContactsTable, type ContactRow } from "./_components/contacts-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

// R-CON-1: the account's contacts (Proxy; the Registrar may look them up), searched and filtered
// by the server, keyset-paginated.
export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await guardPage("contact.view");
  const ctx = coreContext(actor);
  const t = await getTranslations("contacts");
  const params = await contactsTable.load(searchParams);
  const request = pageRequest(params);
  const filters = { search: params.q || undefined, type: params.type ?? undefined };
  const [page, total] = await Promise.all([
    listContacts(ctx, {
      ...filters,
      sort: params.sort,
      dir: params.dir,
      limit: request.limit,
      cursor: request.cursor,
      backward: request.backward,
    }),
    countContacts(ctx, filters),
  ]);
  const rows: ContactRow[] = page.contacts.map((c) => ({
    handle: c.handle,
    name: c.name,
    organisation: c.organisation,
    type: c.type,
    email: c.email,
    phone: c.phone,
    city: c.city,
    managementModel: c.managementModel,
  }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          can(actor, "contact.create") ? (
            <Link href="/contacts/new" className={buttonClassName()}>
              {t("create")}
            </Link>
          ) : null
        }
      />
      <ContactsTable
        page={{ rows, total, nextCursor: page.nextCursor, prevCursor: page.prevCursor }}
      />
    </>
  );
}
