import { CircleAlertIcon, CircleCheckIcon, InfoIcon, TriangleAlertIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  info: { box: "border-accent-200 bg-accent-50 text-accent-800", Icon: InfoIcon },
  success: { box: "border-green-200 bg-green-50 text-green-800", Icon: CircleCheckIcon },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-900", Icon: TriangleAlertIcon },
  danger: { box: "border-red-200 bg-red-50 text-red-800", Icon: CircleAlertIcon },
} as const;

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: keyof typeof tones;
  title?: ReactNode;
  /** role="alert" announces it at once (a refusal that just happened); default: a plain note. */
  live?: boolean;
};

/** A boxed message: an outcome, a refusal, a warning about consequences. */
export function Alert({ tone = "info", title, live, className, children, ...props }: AlertProps) {
  const { box, Icon } = tones[tone];
  return (
    <div
      role={live ? "alert" : undefined}
      className={cn("flex gap-3 rounded-md border p-3 text-sm", box, className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="break-words">{children}</div> : null}
      </div>
    </div>
  );
}
