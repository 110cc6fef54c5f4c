"use client";

import { useTranslations } from "next-intl";

/** A zod message that is a catalogue key (`billing.validation.amountFormat`) in the reader's language. */
export function useFieldMessage(): (message: string | undefined) => string | undefined {
  const t = useTranslations();
  return (message) => {
    if (!message) return undefined;
    return /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(message) && t.has(message as never)
      ? (t(message as never) as string)
      : message;
  };
}
