import type { Tx } from "@/lib/db/client";
import { RegistryError } from "@/lib/registry/errors";

// Handle lookups for domain operations. Decision: the registrant must be a handle linked to the
// actor's account (its portfolio, DESIGN.md §1); a proxy or payer may also be an unlinked handle
// (the registrant's own billing contact), but never one linked to another registrar — that one is
// NOT_FOUND, as if it did not exist. Merged handles are gone.

function normaliseHandle(input: string) {
  return input.trim().toUpperCase();
}

function handleNotFound(handle: string, field: string) {
  return new RegistryError("NOT_FOUND", `Handle ${handle} not found`, { field });
}

export async function findPortfolioHandle(tx: Tx, accountId: string, input: string, field: string) {
  const handle = normaliseHandle(input);
  const row = await tx.handle.findFirst({ where: { handle, accountId, mergedIntoId: null } });
  if (!row) throw handleNotFound(handle, field);
  return row;
}

export async function findUsableContact(tx: Tx, accountId: string, input: string, field: string) {
  const handle = normaliseHandle(input);
  const row = await tx.handle.findFirst({
    where: { handle, mergedIntoId: null, OR: [{ accountId }, { accountId: null }] },
  });
  if (!row) throw handleNotFound(handle, field);
  return row;
}

/**
 * R-REG-3: the registrant of a new domain. Under registrar management it is one of the account's
 * own contacts (a linked handle); under registrant management any existing registrant-managed
 * handle named by its id — linked to the account or to none, never another registrar's. (The
 * management models are compared afterwards: MANAGEMENT_MODEL_MISMATCH.)
 */
export async function findRegistrantHandle(
  tx: Tx,
  accountId: string,
  input: string,
  managementModel: "registrar" | "registrant",
  field = "registrant",
) {
  if (managementModel === "registrar") return findPortfolioHandle(tx, accountId, input, field);
  return findUsableContact(tx, accountId, input, field);
}
