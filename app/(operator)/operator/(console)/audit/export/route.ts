import { getOperatorActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { exportOperatorAuditCsv } from "@/lib/registry/operator";
import { auditFilter } from "../filters";

export const dynamic = "force-dynamic";

/** The operator audit view's filtered events as CSV (csv-stringify, core). */
export async function GET(request: Request): Promise<Response> {
  const actor = await getOperatorActor();
  if (!actor) return new Response("Forbidden", { status: 403 });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { cursor: _cursor, ...filter } = auditFilter(search);
  const csv = await exportOperatorAuditCsv(coreContext(actor), filter);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="operator-audit.csv"',
    },
  });
}
