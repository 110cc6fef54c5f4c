import path from "node:path";

/** Where the registry's data lives: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }; // "memory://" for a throwaway in-memory database

export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL (got "${url.split(":")[0]}:…")`);
    }
    return { kind: "postgres", url };
  }
  return {
    kind: "pglite",
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "data/pglite"),
  };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dataDir}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
