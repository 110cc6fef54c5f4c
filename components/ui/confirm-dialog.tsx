"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { useId, useState, type ReactElement, type ReactNode } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "./alert";
import {
  AlertDialog,
  AlertDialogBody,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./alert-dialog";
import { Button } from "./button";
import { DescriptionList, type DescriptionItem } from "./description-list";
import { useMessageTranslator } from "./use-action-form";

export type ConfirmDialogProps<T> = {
  /** The button that opens the dialog (omit and use open/onOpenChange to control it). */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** A question naming the object: "Renew example.dk?" */
  title: ReactNode;
  description?: ReactNode;
  /** The facts of the consequence: price, resulting dates, who is notified — a <dl>. */
  facts?: readonly DescriptionItem[];
  /** What gets removed or cannot be undone, one item each. */
  consequences?: readonly ReactNode[];
  /** A checkbox that must be ticked before the action can be confirmed. */
  acknowledgement?: ReactNode;
  /** Extra controls the action needs (e.g. a fresh TOTP code for a step-up), above the checkbox. */
  children?: ReactNode;
  /** Named by the action: "Renew", "Cancel domain" — never "OK" or "Yes". */
  confirmLabel: string;
  tone?: "primary" | "danger";
  /** The action cannot go ahead now (the dialog says why, e.g. in its children): no confirm. */
  confirmDisabled?: boolean;
  /** Runs the mutation (usually a server action); a refusal is shown inside the dialog. */
  onConfirm: () => Promise<ActionResult<T> | void>;
  onSuccess?: (data: T | undefined) => void;
  /** Toast after success; false for none. */
  successMessage?: string | ((data: T | undefined) => string) | false;
};

/**
 * Confirms a mutation by stating its consequences first (issue 12). Focus starts on Cancel and is
 * trapped; Escape and Cancel close it (not while the action runs); after a refusal the dialog
 * stays open with the server's message; after success it closes, toasts and focus returns.
 */
export function ConfirmDialog<T>({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  facts,
  consequences,
  acknowledgement,
  children,
  confirmLabel,
  tone = "primary",
  confirmDisabled,
  onConfirm,
  onSuccess,
  successMessage,
}: ConfirmDialogProps<T>) {
  const t = useTranslations("ui");
  const translate = useMessageTranslator();
  const ackId = useId();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;

  function setOpen(next: boolean) {
    if (pending) return; // a running mutation is not abandoned silently
    if (next) {
      setRefusal(null);
      setAcknowledged(false);
    }
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    setRefusal(null);
    let result: ActionResult<T> | void;
    try {
      result = await onConfirm();
    } catch {
      result = { ok: false, code: "INTERNAL_ERROR", message: t("form.failed") };
    }
    setPending(false);
    if (result && !result.ok) {
      const fieldMessages = Object.values(result.fieldErrors ?? {}).flat();
      setRefusal([result.message, ...fieldMessages].filter(Boolean).map(translate).join(" "));
      return;
    }
    const data = result ? result.data : undefined;
    setUncontrolledOpen(false);
    onOpenChange?.(false);
    const message =
      typeof successMessage === "function"
        ? successMessage(data)
        : successMessage === false
          ? null
          : successMessage;
    if (message) toast.success(message);
    onSuccess?.(data);
  }

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent
        aria-busy={pending || undefined}
        onEscapeKeyDown={(e) => {
          if (pending) e.preventDefault();
        }}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          {description ? <AlertDialogDescription>{description}</AlertDialogDescription> : null}
        </AlertDialogHeader>
        <AlertDialogBody>
          {facts?.length ? (
            <DescriptionList items={facts} columns={1} className="rounded-md bg-zinc-50 p-4" />
          ) : null}
          {consequences?.length ? (
            <ul className="flex list-disc flex-col gap-1 pl-5 text-zinc-800">
              {consequences.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : null}
          {children}
          {acknowledgement ? (
            <div className="flex items-start gap-2">
              <input
                id={ackId}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-accent-600"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
                disabled={pending}
                aria-required="true"
              />
              <label htmlFor={ackId} className="text-sm text-zinc-900">
                {acknowledgement}
              </label>
            </div>
          ) : null}
          {refusal ? (
            <Alert tone="danger" live>
              {refusal}
            </Alert>
          ) : null}
        </AlertDialogBody>
        <AlertDialogFooter>
          <AlertDialogPrimitive.Cancel asChild>
            <Button variant="secondary" disabled={pending}>
              {t("actions.cancel")}
            </Button>
          </AlertDialogPrimitive.Cancel>
          <Button
            variant={tone === "danger" ? "danger" : "primary"}
            disabled={pending || confirmDisabled || (!!acknowledgement && !acknowledged)}
            aria-busy={pending || undefined}
            onClick={() => void confirm()}
          >
            {pending ? (
              <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" />
            ) : null}
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
