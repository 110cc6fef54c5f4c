import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/actor";
import { coreContext } from "@/lib/auth/context";
import { translateError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locales";
import {
  type CancelPreview,
  type DomainAction,
  type DomainActionName,
  previewCancel,
  previewRenewalPolicy,
  previewRestore,
  type RenewalPolicyPreview,
  type RestorePreview,
} from "@/lib/registry/domains";
import type { CoreContext } from "@/lib/registry/context";
import { isRegistryError } from "@/lib/registry/errors";
import { RenewDialog } from "../../_components/renew-dialog";
import { CancelDialog } from "./cancel-dialog";
import { RenewalPolicyDialog } from "./renewal-policy-dialog";
import { RestoreDialog } from "./restore-dialog";

// Issue 15 items 2–5 on the domain's page: the actions panel's Renew, Restore, Cancel domain and
// Renewal policy. Possible now → the button opens its dialog, which shows from the core's preview
// what it will cost and change; not possible → the button is disabled and the panel's note says
// why. A cancellation blocked by name servers in use opens its dialog too, to name them.

const OWN = ["renew", "restore", "cancel", "setRenewalPolicy"] as const satisfies DomainActionName[];
type Own = (typeof OWN)[number];

export function isDomainOpsAction(action: DomainActionName): action is Own {
  return (OWN as readonly string[]).includes(action);
}

const LABEL: Record<Own, "open.renew" | "open.restore" | "open.cancel" | "open.renewalPolicy"> = {
  renew: "open.renew",
  restore: "open.restore",
  cancel: "open.cancel",
  setRenewalPolicy: "open.renewalPolicy",
};

type Props = {
  action: DomainAction;
  domain: { name: string; uLabel: string; exDate: string | null };
  /** The panel's "Not possible now: …" text, when the action is not possible. */
  note: string | null;
};

function blockedByHosts(a: DomainAction): boolean {
  return a.reason?.code === "DOMAIN_NOT_CANCELLABLE" && a.reason.details?.reason === "HOSTS_IN_USE";
}

export async function DomainOpsAction({ action, domain, note }: Props) {
  const t = await getTranslations("domainOps");
  const own = action.action as Own;
  const noteId = `action-${own}-note`;
  const disabled = (text: string | null) => (
    <>
      <Button variant="secondary" disabled aria-describedby={text ? noteId : undefined} className="justify-start">
        {t(LABEL[own])}
      </Button>
      {text ? (
        <p id={noteId} className="text-xs text-muted">
          {text}
        </p>
      ) : null}
    </>
  );
  const open = action.possible || (own === "cancel" && blockedByHosts(action));
  if (!open) return disabled(note);

  if (own === "renew") {
    return domain.exDate ? (
      <RenewDialog name={domain.name} uLabel={domain.uLabel} exDate={domain.exDate} />
    ) : (
      disabled(note)
    );
  }
  const ctx = coreContext(await requireActor());
  let preview: Preview;
  try {
    preview = await loadPreview(own, ctx, domain.name);
  } catch (error) {
    // the domain changed since the panel's check: the preview's refusal is the reason
    if (!isRegistryError(error)) throw error;
    const locale = (await getLocale()) as Locale;
    return disabled(translateError(error.code, error.details, locale));
  }
  switch (preview.kind) {
    case "restore":
      return <RestoreDialog preview={preview.data} />;
    case "cancel":
      return (
        <>
          <CancelDialog preview={preview.data} now={ctx.clock.now()} />
          {note ? <p className="text-xs text-muted">{note}</p> : null}
        </>
      );
    case "setRenewalPolicy":
      return <RenewalPolicyDialog preview={preview.data} />;
  }
}

type Preview =
  | { kind: "restore"; data: RestorePreview }
  | { kind: "cancel"; data: CancelPreview }
  | { kind: "setRenewalPolicy"; data: RenewalPolicyPreview };

async function loadPreview(
  own: Exclude<Own, "renew">,
  ctx: CoreContext,
  name: string,
): Promise<Preview> {
  switch (own) {
    case "restore":
      return { kind: own, data: await previewRestore(ctx, { name }) };
    case "cancel":
      return { kind: own, data: await previewCancel(ctx, { name }) };
    case "setRenewalPolicy":
      return { kind: own, data: await previewRenewalPolicy(ctx, { name }) };
  }
}
