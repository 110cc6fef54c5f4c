import "server-only";
import { notFound } from "next/navigation";
import { guardPage } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { getCheckout } from "@/lib/registry/billing";
import { isRegistryError } from "@/lib/registry/errors";

/** The checkout as it stands, or notFound() for another account's or an unknown one. */
export async function loadCheckout(checkoutId: string) {
  const actor = await guardPage("billing.topUp");
  const ctx = coreContext(actor);
  try {
    return { actor, ctx, checkout: await getCheckout(ctx, { checkoutId }) };
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
