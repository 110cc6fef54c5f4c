import type { Tx } from "@/lib/db/client";
import type { CoreContext } from "@/lib/registry/context";
import { RegistryError } from "@/lib/registry/errors";
import { runRegistrarOperation } from "@/lib/registry/operation";
import { type ContactColumns, type ContactFieldsInput, parseContactFields } from "./contact-fields";
import { type ContactView, contactSelect, toContactView } from "./contact-view";
import { issueHandleId } from "./handle-ids";
import { findPortfolioHandle } from "./handles";

// R-CON-1 contacts: the handles a Proxy user creates for the registrar's customers (registrants,
// proxies, payers). The registry issues the handle id; such a handle is registrar-managed and
// linked to the account. Address, email and phone may change; name, organisation, type or CVR of
// a handle that is a registrant may not — that is a change of registrant (R-CHG), which has its
// own terms and ID-control steps. Registrant-managed handles belong to their registrant: read-only.

export type { ContactFieldsInput };
export type UpdateContactInput = ContactFieldsInput & { handle: string };

/** Who a handle is (R-CON-1): the fields a registrant's handle keeps, by the forms' field names. */
const IDENTITY_FIELDS = [
  ["name", "name"],
  ["organisation", "organisation"],
  ["type", "type"],
  ["vatNumber", "cvr"],
] as const satisfies readonly (readonly [keyof ContactColumns, string])[];

/** The columns as the audit records them: the form's names. */
function auditedFields(c: { [K in keyof ContactColumns]: ContactColumns[K] | null }) {
  return {
    type: c.type,
    name: c.name,
    organisation: c.organisation,
    street1: c.street,
    street2: c.street2,
    street3: c.street3,
    postalCode: c.postalCode,
    city: c.city,
    countryCode: c.countryCode,
    email: c.email,
    phone: c.phone,
    cvr: c.vatNumber,
    ean: c.ean,
  };
}

export async function createContact(
  ctx: CoreContext,
  input: ContactFieldsInput,
): Promise<ContactView> {
  return runRegistrarOperation(
    ctx,
    { name: "contact.create", verb: "contact.create", objectType: "Handle" },
    async ({ tx, actor, now, audit }) => {
      const fields = parseContactFields(input);
      const handle = await issueHandleId(tx, fields.name);
      const row = await tx.handle.create({
        data: {
          ...fields,
          handle,
          managementModel: "REGISTRAR",
          accountId: actor.accountId,
          createdAt: now,
          updatedAt: now,
        },
        select: contactSelect,
      });
      Object.assign(audit, {
        objectId: row.id,
        objectLabel: row.handle,
        after: auditedFields(fields),
      });
      return toContactView(row);
    },
  );
}

/** Live domains (any registrar's) and open registrant changes that make the handle a registrant. */
async function registrantUses(tx: Tx, accountId: string, handleId: string) {
  const live = { registrantId: handleId, state: { not: "DELETED" as const } };
  const [own, others, pendingChanges] = await Promise.all([
    tx.domain.findMany({
      where: { ...live, registrarId: accountId },
      select: { uLabel: true },
      orderBy: { aLabel: "asc" },
      take: 10,
    }),
    tx.domain.count({ where: { ...live, registrarId: { not: accountId } } }),
    tx.registrantChangeRequest.count({
      where: { toHandleId: handleId, state: { in: ["TERMS_REQUESTED", "ID_CONTROL_REQUESTED"] } },
    }),
  ]);
  const ownCount =
    own.length < 10
      ? own.length
      : await tx.domain.count({ where: { ...live, registrarId: accountId } });
  return { domains: own.map((d) => d.uLabel), total: ownCount + others, pendingChanges };
}

function refuseReadOnly(
  row: { handle: string; managementModel: string },
  isRegistrarHandle: boolean,
): void {
  if (isRegistrarHandle) {
    throw new RegistryError(
      "CONTACT_READ_ONLY",
      `${row.handle} is your registrar handle: it follows the account's data (Administration), not a contact's`,
      { reason: "REGISTRAR_HANDLE", handle: row.handle },
    );
  }
  if (row.managementModel === "REGISTRANT") {
    throw new RegistryError(
      "CONTACT_READ_ONLY",
      `Handle ${row.handle} is registrant-managed: it belongs to its registrant, who alone can change it`,
      { reason: "REGISTRANT_MANAGED", handle: row.handle },
    );
  }
}

export async function updateContact(
  ctx: CoreContext,
  input: UpdateContactInput,
): Promise<ContactView> {
  return runRegistrarOperation(
    ctx,
    {
      name: "contact.update",
      verb: "contact.update",
      objectType: "Handle",
      objectLabel: input.handle,
    },
    async ({ tx, actor, now, audit }) => {
      const found = await findPortfolioHandle(tx, actor.accountId, input.handle, "handle");
      Object.assign(audit, { objectId: found.id, objectLabel: found.handle });
      // Lock the row: a concurrent edit waits, and sees this one's outcome.
      await tx.$queryRaw`SELECT id FROM "Handle" WHERE id = ${found.id}::uuid FOR UPDATE`;
      const current = await tx.handle.findUniqueOrThrow({
        where: { id: found.id },
        select: contactSelect,
      });
      refuseReadOnly(current, current.registrarOf !== null);
      const fields = parseContactFields(input, current);
      const changedIdentity = IDENTITY_FIELDS.filter(
        ([column]) => current[column] !== fields[column],
      );
      if (changedIdentity.length > 0) {
        const uses = await registrantUses(tx, actor.accountId, current.id);
        if (uses.total > 0 || uses.pendingChanges > 0) {
          const labels = changedIdentity.map(([column]) =>
            column === "vatNumber" ? "CVR number" : column,
          );
          const where =
            uses.domains.length > 0
              ? `the registrant of ${uses.domains.join(", ")}${uses.total > uses.domains.length ? ` and ${uses.total - uses.domains.length} more` : ""}`
              : uses.total > 0
                ? `the registrant of ${uses.total} domain${uses.total === 1 ? "" : "s"}`
                : "the new registrant of a pending change of registrant";
          throw new RegistryError(
            "REGISTRANT_CHANGE_NOT_ALLOWED",
            `Handle ${current.handle} is ${where}: its ${labels.join(", ")} cannot change. A different registrant is a change of registrant: create a contact for the new registrant and change the domain's registrant to it`,
            {
              reason: "CONTACT_IS_REGISTRANT",
              field: changedIdentity[0]![1],
              fields: changedIdentity.map(([, field]) => field),
              handle: current.handle,
              domains: uses.domains,
              registrantOf: uses.total,
            },
          );
        }
      }
      const updated = await tx.handle.update({
        where: { id: current.id },
        data: { ...fields, updatedAt: now },
        select: contactSelect,
      });
      const before = auditedFields(current);
      const after = auditedFields(fields);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => before[k] !== after[k],
      );
      audit.before = Object.fromEntries(changed.map((k) => [k, before[k]]));
      audit.after = Object.fromEntries(changed.map((k) => [k, after[k]]));
      return toContactView(updated);
    },
  );
}
