import "server-only";
import { notFound } from "next/navigation";
import type { CoreContext } from "@/lib/registry/context";
import { getContact } from "@/lib/registry/contacts";
import { isRegistryError } from "@/lib/registry/errors";

/** The contact of the URL, or the 404 page: another registrar's handle is as unknown as none. */
export async function loadContact(ctx: CoreContext, handle: string) {
  try {
    return await getContact(ctx, { handle: decodeURIComponent(handle) });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
