import { getActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { streamLedgerCsv } from "@/lib/registry/billing";
import { isRegistryError } from "@/lib/registry/errors";
import { can } from "@/lib/registry/permissions";
import { localDateOf } from "@/lib/registry/rules";
import { ledgerFilterSchema } from "@/lib/schemas/billing";

// R-PAY-3 "Export CSV": the ledger with the page's filters, streamed (csv-stringify) as the keyset
// pages are read. A route handler is a public GET endpoint: it checks the session and the Payer's
// verb itself, whatever the proxy and the page did.

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Log in first.\n", { status: 401, headers: plain });
  if (!can(actor, "billing.view")) {
    return new Response("Only a Payer may export the ledger.\n", { status: 403, headers: plain });
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ledgerFilterSchema.safeParse(query);
  if (!parsed.success) return new Response("Invalid filter.\n", { status: 400, headers: plain });
  const { from, to, operation, domain } = parsed.data;
  try {
    const ctx = coreContext(actor);
    const body = streamLedgerCsv(ctx, { from, to, operation, domain });
    const day = localDateOf(ctx.clock.now());
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ledger-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isRegistryError(error)) {
      const status = error.code === "NOT_AUTHORIZED" ? 403 : 400;
      return new Response(`${error.message}\n`, { status, headers: plain });
    }
    throw error;
  }
}

const plain = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
