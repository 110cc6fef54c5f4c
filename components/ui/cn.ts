/** Joins class names, skipping falsy ones. No conflict resolution: pass overrides deliberately. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
