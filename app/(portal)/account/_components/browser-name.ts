import type { BrowserInfo } from "@/lib/registry/accounts";

type T = (key: "unknownBrowser" | "browserOn" | "unknownOn", values?: Record<string, string>) => string;

/** "Chrome 131 on Linux", or "Unknown browser" — in the reader's language (security.sessions). */
export function browserName(info: BrowserInfo, t: T): string {
  if (info.browser && info.system) return t("browserOn", { browser: info.browser, system: info.system });
  if (info.browser) return info.browser;
  if (info.system) return t("unknownOn", { system: info.system });
  return t("unknownBrowser");
}
