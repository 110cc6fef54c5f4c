import { getActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { exportBulkJobCsv } from "@/lib/registry/bulk";
import { isRegistryError } from "@/lib/registry/errors";
import { can } from "@/lib/registry/permissions";

// GET /domains/bulk/<jobId>/export: the job's per-domain result as CSV (issue 15 item 6). A route
// handler is not under the portal layout's guard: it checks the actor and the verb itself (401,
// 403); the core checks again, and another account's job is 404.

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Not signed in", { status: 401 });
  if (!can(actor, "domain.view")) return new Response("Forbidden", { status: 403 });
  const { jobId } = await params;
  try {
    const { fileName, text } = await exportBulkJobCsv(coreContext(actor), { jobId });
    return new Response(text, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isRegistryError(error, "NOT_FOUND")) return new Response("Not found", { status: 404 });
    throw error;
  }
}
