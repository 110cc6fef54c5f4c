import type { CoreContext } from "@/lib/registry/context";
import {
  type DomainView,
  domainNotFound,
  domainViewSelect,
  toDomainView,
} from "@/lib/registry/domains/domain-view";
import { requirePermission } from "@/lib/registry/permissions";
import { parseDomainName } from "@/lib/registry/rules";

// The read side of domains (domain.view), always scoped to the actor's portfolio. The list, its
// count and the CSV export live in domain-list.ts.

export async function getDomain(ctx: CoreContext, input: { name: string }): Promise<DomainView> {
  const actor = requirePermission(ctx.actor, "domain.view");
  const { aLabel } = parseDomainName(input.name);
  const row = await ctx.db.domain.findFirst({
    where: { liveName: aLabel, registrarId: actor.accountId },
    select: domainViewSelect,
  });
  if (!row) throw domainNotFound(aLabel);
  return toDomainView(row);
}
