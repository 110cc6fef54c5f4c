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
