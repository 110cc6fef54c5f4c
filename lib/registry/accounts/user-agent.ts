// A session's browser as people name it (Chrome 131 on Linux), from the User-Agent header the
// login stored. Only the common browsers and systems; the page says "unknown" for the rest. The
// order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/FxiOS\/(\d+)/, "Firefox"],
  [/CriOS\/(\d+)/, "Chrome"],
  [/HeadlessChrome\/(\d+)/, "Chrome"],
  [/Chrom(?:e|ium)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows NT/, "Windows"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/** Browser with its major version ("Chrome 131") and system ("Linux"); null where not recognised. */
export type BrowserInfo = { browser: string | null; system: string | null };

export function describeBrowser(userAgent: string | null): BrowserInfo {
  if (!userAgent) return { browser: null, system: null };
  const browser =
    BROWSERS.map(([re, name]) => {
      const m = re.exec(userAgent);
      return m ? `${name} ${m[1]}` : null;
    }).find(Boolean) ?? null;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? null;
  return { browser, system };
}
