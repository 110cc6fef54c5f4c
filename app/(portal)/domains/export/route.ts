import { getActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { domainsCsvFileName, exportDomainsCsv } from "@/lib/registry/domains";
import { isRegistryError } from "@/lib/registry/errors";
import { can } from "@/lib/registry/permissions";
import { domainListInput, domainsTable } from "../_components/domains-table-params";

// GET /domains/export?<the list's URL state>: the CSV of exactly the filtered, sorted list
// (issue 14). A route handler is not under the portal layout's guard, so it checks the actor and
// the verb itself; the core checks again. Streamed as the core writes it, batch by batch.

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Not signed in", { status: 401 });
  if (!can(actor, "domain.view")) return new Response("Forbidden", { status: 403 });
  const { cursor: _cursor, limit: _limit, ...input } = domainListInput(
    domainsTable.load(new URL(request.url).searchParams),
  );
  const ctx = coreContext(actor);
  let chunks: AsyncGenerator<string>;
  try {
    chunks = exportDomainsCsv(ctx, input);
  } catch (error) {
    if (isRegistryError(error, "VALIDATION_FAILED")) {
      return new Response(error.message, { status: 400 });
    }
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${domainsCsvFileName(ctx.clock.now())}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
