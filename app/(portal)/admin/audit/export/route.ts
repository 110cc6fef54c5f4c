import { getActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { auditEventsCsv } from "@/lib/registry/accounts";
import { localDateOf } from "@/lib/registry/rules";
import { can } from "@/lib/registry/permissions";
import { auditFilterSchema, toAuditFilter } from "@/lib/schemas/admin";

// The audit log as CSV (account.audit), with the page's filters. A route handler has no layout
// and no page guard above it, so it checks the actor and the permission itself; the core checks
// again. The rows stream batch by batch from the core's keyset reader.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Log in first.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!can(actor, "account.audit")) {
    return new Response("You do not have access to the audit log.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) {
    return new Response("The filters are not valid.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const chunks = auditEventsCsv(coreContext(actor), toAuditFilter(parsed.data));
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
  const day = localDateOf(new Date());
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
