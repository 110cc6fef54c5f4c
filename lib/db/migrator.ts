import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { pgliteAdapterFactory } from "./adapters";
import { openPglite } from "./pglite";

/**
 * Migrations with Prisma's WASM schema engine (DESIGN.md §7): the native engine cannot be
 * downloaded here. Layout and bookkeeping (`prisma/migrations/<ts>_<name>/migration.sql`,
 * `_prisma_migrations`) are Prisma's own, so `prisma migrate deploy` stays compatible.
 */

const root = path.resolve(import.meta.dirname, "../..");
export const defaultPaths = {
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: path.join(root, "prisma/migrations"),
};
const filters = { externalTables: [], externalEnums: [] };

let enginePromise: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** Instantiate the WASM module by hand: Node has no ESM integration for `.wasm` imports. */
function loadEngineModule() {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as { __wbindgen_start(): void };
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg as unknown as typeof import("@prisma/schema-engine-wasm");
  })();
  return enginePromise;
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
  try {
    return await fn(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine.free();
  }
}

export function loadMigrationList(migrationsDir = defaultPaths.migrations): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/**
 * The engine rejects with an error object whose message, for a database failure, only says
 * "External error id#N": the database's own error sits in the adapter's error registry under N.
 */
function engineError(error: unknown, registry: ErrorRegistry): Error {
  const e = error as { message?: string; error_code?: string; meta?: unknown };
  let message = e?.message ?? String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id ? registry.consumeError(Number(id))?.error : undefined;
  if (cause) {
    const c = cause as { message?: string; cause?: { message?: string }; originalMessage?: string };
    const text = c.cause?.message ?? c.originalMessage ?? c.message ?? JSON.stringify(cause);
    message = `${text}\n${message}`;
  }
  return Object.assign(new Error(message), { code: e?.error_code, meta: e?.meta, cause });
}

/**
 * Apply pending migrations; returns the names applied (empty when up to date).
 *
 * Each migration script runs whole in one transaction (lib/db/adapters.ts), so a failed one
 * leaves nothing behind — except the engine's own bookkeeping: a `_prisma_migrations` row that
 * started and never finished, which makes every later run refuse with "found failed migrations",
 * even once the SQL is fixed (issue 11). Such rows are removed right after a failure, and before
 * each run (rows an older version left); the migration then counts as never tried and applies
 * when its SQL works. On PostgreSQL an advisory lock makes one process at a time do this, so a
 * row being applied by another process is never mistaken for a failed one.
 */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir = defaultPaths.migrations,
): Promise<string[]> {
  return withMigrationLock(factory, async (sql) => {
    const cleared = await clearFailedMigrations(sql);
    if (cleared.length) {
      console.warn(`Cleared the failed record of ${cleared.join(", ")}: it left nothing behind, retrying`);
    }
    try {
      return await withEngine(factory, async (engine) => {
        const out = await engine.applyMigrations({
          migrationsList: loadMigrationList(migrationsDir),
          filters,
        });
        return out.appliedMigrationNames;
      });
    } catch (error) {
      await clearFailedMigrations(sql);
      throw error;
    }
  });
}

type RunSql = (sql: string) => Promise<string[]>;

/** Our own lock key: the engine itself takes pg_advisory_lock(72707369) inside. */
const MIGRATION_LOCK_KEY = 72707370;

async function withMigrationLock<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (sql: RunSql) => Promise<T>,
): Promise<T> {
  const adapter = await factory.connect();
  const driver = (adapter as { underlyingDriver?(): unknown }).underlyingDriver?.();
  if (!(driver instanceof pg.Pool)) {
    // PGlite: one process owns the database, no one to race with
    const run: RunSql = async (sql) => {
      const rs = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      return rs.rows.map((r) => String(r[0]));
    };
    return fn(run);
  }
  const client = await driver.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await fn(async (sql) => (await client.query<{ name: string }>(sql)).rows.map((r) => r.name));
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
    await adapter.dispose();
  }
}

/** Removes the records of migrations that started and never finished; returns their names. */
async function clearFailedMigrations(sql: RunSql): Promise<string[]> {
  const exists = await sql(`SELECT to_regclass('"_prisma_migrations"')::text AS name`);
  if (!exists[0] || exists[0] === "null") return [];
  return sql(
    `DELETE FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL RETURNING migration_name AS name`,
  );
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Write the next migration: the difference between the existing migrations (applied to a throwaway
 * in-memory PGlite) and the schema. Returns null and writes nothing when there is no change.
 */
export async function createMigration(
  name: string,
  paths = defaultPaths,
  now = new Date(),
): Promise<{ directory: string; sql: string } | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("A migration needs a name: npm run db:migration -- <name>");

  const scratch = openPglite("memory://");
  try {
    const factory = pgliteAdapterFactory(scratch);
    await applyMigrations(factory, paths.migrations);
    const schemaFile = { path: paths.schema, content: readFileSync(paths.schema, "utf8") };
    const result = await withEngine(factory, (engine) =>
      engine.diff({
        from: { tag: "schemaDatasource", files: [schemaFile], configDir: path.dirname(paths.schema) },
        to: { tag: "schemaDatamodel", files: [schemaFile] },
        script: true,
        exitCode: true,
        filters,
      }),
    );
    const sql = result.stdout ?? "";
    if (result.exitCode !== 2 || !sql.trim() || /^--\s*This is an empty migration/m.test(sql)) {
      return null;
    }
    mkdirSync(paths.migrations, { recursive: true });
    const lock = path.join(paths.migrations, "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(
        lock,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
    }
    const existing = loadMigrationList(paths.migrations).migrationDirectories.map((d) => d.path);
    const isFirst = existing.length === 0;
    let stamp = timestamp(now);
    // keep names strictly increasing even when two are made within one second
    const last = existing.at(-1)?.slice(0, 14);
    if (last && stamp <= last) stamp = String(BigInt(last) + 1n);
    const directory = path.join(paths.migrations, `${stamp}_${slug}`);
    mkdirSync(directory);
    // pg_trgm backs "contains" search (DESIGN.md §7); Prisma does not manage extensions here.
    const body = isFirst ? `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n\n${sql}` : sql;
    writeFileSync(path.join(directory, "migration.sql"), body);
    return { directory, sql: body };
  } finally {
    await scratch.close();
  }
}
