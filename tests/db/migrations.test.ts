import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, defaultPaths, loadMigrationList } from "@/lib/db/migrator";
import { createEmptyDatabase, usesPostgres, type EmptyDatabase } from "../support/db";

const existing = loadMigrationList().migrationDirectories.map((d) => d.path);
const opened: EmptyDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.drop();
});
async function emptyDb() {
  const db = await createEmptyDatabase();
  opened.push(db);
  return db;
}

function scratchCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), "rp-migrations-"));
  cpSync(defaultPaths.migrations, path.join(dir, "migrations"), { recursive: true });
  cpSync(defaultPaths.schema, path.join(dir, "schema.prisma"));
  return { schema: path.join(dir, "schema.prisma"), migrations: path.join(dir, "migrations") };
}

async function tables(db: EmptyDatabase): Promise<string[]> {
  const adapter = await db.factory.connect();
  const rs = await adapter.queryRaw({
    sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    args: [],
    argTypes: [],
  });
  return rs.rows.map((r) => String(r[0]));
}

async function bookkeeping(db: EmptyDatabase, name: string) {
  const adapter = await db.factory.connect();
  const rs = await adapter.queryRaw({
    sql: `SELECT finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM "_prisma_migrations" WHERE migration_name = $1`,
    args: [name],
    argTypes: [{ scalarType: "string", arity: "scalar" }],
  });
  return rs.rows.map((r) => ({ finished: Boolean(r[0]), rolledBack: Boolean(r[1]) }));
}

describe(`migrations (${usesPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("apply every migration to an empty database, then do nothing the second time", async () => {
    const db = await emptyDb();
    expect(await applyMigrations(db.factory)).toEqual(existing);
    expect(await tables(db)).toEqual(expect.arrayContaining(["Domain", "LedgerEntry", "_prisma_migrations"]));
    expect(await applyMigrations(db.factory)).toEqual([]);
  });

  it("a broken migration fails with the database error and stays unapplied", async () => {
    const paths = scratchCopy();
    const broken = path.join(paths.migrations, "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
    );
    const db = await emptyDb();
    await expect(applyMigrations(db.factory, paths.migrations)).rejects.toThrow(/NoSuchTable/);
    const names = await tables(db);
    expect(names).toContain("Domain"); // the good ones before it were applied
    expect(names).not.toContain("HalfDone"); // nothing of the broken one remains
    // and it is not recorded as applied: a second run refuses again instead of skipping it
    await expect(applyMigrations(db.factory, paths.migrations)).rejects.toThrow();
  });

  it("SEC-5 (issue 11): a failed migration leaves no failed row and applies once its SQL is fixed", async () => {
    const paths = scratchCopy();
    const broken = path.join(paths.migrations, "29991231000000_broken");
    mkdirSync(broken);
    const sql = path.join(broken, "migration.sql");
    writeFileSync(sql, 'CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n');
    const db = await emptyDb();
    await expect(applyMigrations(db.factory, paths.migrations)).rejects.toThrow(/NoSuchTable/);
    expect(await bookkeeping(db, "29991231000000_broken")).toEqual([]);

    writeFileSync(sql, 'CREATE TABLE "HalfDone" (id int);\n');
    expect(await applyMigrations(db.factory, paths.migrations)).toEqual(["29991231000000_broken"]);
    expect(await tables(db)).toContain("HalfDone");
    expect(await bookkeeping(db, "29991231000000_broken")).toEqual([{ finished: true, rolledBack: false }]);
    expect(await applyMigrations(db.factory, paths.migrations)).toEqual([]);
  });

  it("SEC-5 (issue 11): a failed row left by an earlier run no longer blocks later migrations", async () => {
    const paths = scratchCopy();
    const db = await emptyDb();
    await applyMigrations(db.factory, paths.migrations);
    // what a failed run recorded before the fix: started, never finished, not rolled back
    const adapter = await db.factory.connect();
    await adapter.executeRaw({
      sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
            VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29991231000000_broken', 'relation "NoSuchTable" does not exist', now(), 0)`,
      args: [],
      argTypes: [],
    });
    const broken = path.join(paths.migrations, "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "HalfDone" (id int);\n');
    expect(await applyMigrations(db.factory, paths.migrations)).toEqual(["29991231000000_broken"]);
    expect(await bookkeeping(db, "29991231000000_broken")).toEqual([{ finished: true, rolledBack: false }]);
  });

  it("db:migration writes exactly one migration for a schema change, and none without one", async () => {
    const paths = scratchCopy();
    expect(await createMigration("nothing", paths)).toBeNull();
    writeFileSync(
      paths.schema,
      readFileSync(paths.schema, "utf8") + "\nmodel Scratch {\n  id Int @id\n  note String?\n}\n",
    );
    const made = await createMigration("add scratch", paths);
    expect(made?.sql).toMatch(/CREATE TABLE "Scratch"/);
    const dirs = readdirSync(paths.migrations).filter((d) => !d.endsWith(".toml"));
    expect(dirs).toHaveLength(existing.length + 1);
    expect(dirs.at(-1)).toMatch(/^\d{14}_add_scratch$/);
    expect(await createMigration("again", paths)).toBeNull();
    // and the new migration applies
    const db = await emptyDb();
    expect(await applyMigrations(db.factory, paths.migrations)).toHaveLength(existing.length + 1);
    // three schema-engine diffs, each against a fresh throwaway database: slow on a busy 2-core box
  }, 180_000);
});

describe("npm run db:migrate", () => {
  it.skipIf(usesPostgres)("exits non-zero and prints the database error on a broken migration", () => {
    const paths = scratchCopy();
    const broken = path.join(paths.migrations, "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), "SELECT * FROM missing_relation_xyz;\n");
    const dataDir = mkdtempSync(path.join(tmpdir(), "rp-data-"));
    const run = () =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
        env: { ...process.env, DATA_DIR: dataDir, MIGRATIONS_DIR: paths.migrations, DATABASE_URL: "" },
        encoding: "utf8",
      });
    const first = run();
    expect(first.status).not.toBe(0);
    expect(first.stderr).toMatch(/missing_relation_xyz/);
  });
});
