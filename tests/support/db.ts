import { randomBytes } from "node:crypto";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgliteAdapterFactory, postgresAdapterFactory } from "@/lib/db/adapters";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrator";
import { openPglite, openPgliteFromDump } from "@/lib/db/pglite";

/**
 * A fresh, empty database for one test file: an in-memory PGlite by default, or — when
 * TEST_DATABASE_URL names a PostgreSQL server — a new database created on it and dropped after.
 */
export type EmptyDatabase = {
  kind: "pglite" | "postgres";
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** A new adapter factory on the same database (PostgreSQL: its own pool of connections). */
  newFactory(): SqlMigrationAwareDriverAdapterFactory;
  url?: string;
  drop(): Promise<void>;
};

export const usesPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createEmptyDatabase(dump?: Blob): Promise<EmptyDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const client = dump ? openPgliteFromDump(dump) : openPglite("memory://");
    return {
      kind: "pglite",
      factory: pgliteAdapterFactory(client),
      newFactory: () => pgliteAdapterFactory(client),
      drop: () => client.close(),
    };
  }
  const name = `rp_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const newFactory = () => postgresAdapterFactory(url.toString());
  return {
    kind: "postgres",
    factory: newFactory(),
    newFactory,
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export type TestDatabase = EmptyDatabase & {
  prisma: PrismaClient;
  /** Another client with its own connections (PostgreSQL); the same one on PGlite. */
  newClient(): PrismaClient;
  close(): Promise<void>;
};

/**
 * PGlite templates, made once per test worker and cloned per test database: applying the
 * migrations (and seeding) every time would cost seconds per test.
 */
const templates = new Map<string, Promise<Blob>>();

function template(key: string, prepare?: (prisma: PrismaClient) => Promise<unknown>): Promise<Blob> {
  let made = templates.get(key);
  if (!made) {
    made = (async () => {
      const client = openPglite("memory://");
      const factory = pgliteAdapterFactory(client);
      await applyMigrations(factory);
      if (prepare) {
        const prisma = createPrismaClient(factory);
        await prepare(prisma);
        await prisma.$disconnect();
      }
      const dump = await client.dumpDataDir("none");
      await client.close();
      return dump;
    })();
    templates.set(key, made);
  }
  return made;
}

/**
 * A fresh database with every migration applied, and a Prisma client on it. With `prepare`
 * (and a `key` naming what it does), the database also holds what prepare wrote — made once and
 * cloned on PGlite, run anew on PostgreSQL.
 */
export async function createTestDatabase(
  options: { key?: string; prepare?: (prisma: PrismaClient) => Promise<unknown> } = {},
): Promise<TestDatabase> {
  const { key = "migrated", prepare } = options;
  const usePg = Boolean(process.env.TEST_DATABASE_URL);
  const db = await createEmptyDatabase(usePg ? undefined : await template(key, prepare));
  if (usePg) {
    await applyMigrations(db.factory);
  }
  const clients: PrismaClient[] = [];
  const newClient = () => {
    const c = createPrismaClient(db.newFactory());
    clients.push(c);
    return c;
  };
  const prisma = createPrismaClient(db.factory);
  clients.push(prisma);
  if (usePg && prepare) await prepare(prisma);
  return {
    ...db,
    prisma,
    newClient: db.kind === "pglite" ? () => prisma : newClient,
    async close() {
      for (const c of clients) await c.$disconnect();
      await db.drop();
    },
  };
}
