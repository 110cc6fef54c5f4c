import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./config";
import { openPglite } from "./pglite";

type RunScript = (adapter: SqlDriverAdapter, script: string) => Promise<void>;

/**
 * Migration scripts must run whole and atomically, and their errors must surface:
 * - pglite-prisma-adapter 0.7.2's executeScript does not await PGlite's exec, so a failing script
 *   is reported as a success (DESIGN.md §7);
 * - @prisma/adapter-pg splits a script on ";" and runs the pieces one by one, so a failure leaves
 *   the earlier statements applied.
 * Both are replaced by one multi-statement simple query, which PostgreSQL runs as one implicit
 * transaction.
 */
class WholeScriptFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly runScript: RunScript,
    private readonly shadow: () => SqlMigrationAwareDriverAdapterFactory = () => inner,
  ) {
    this.adapterName = `${inner.adapterName}+whole-script`;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.fix(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = this.shadow();
    return this.fix(await (shadow === this.inner ? this.inner.connectToShadowDb() : shadow.connect()));
  }

  private fix(adapter: SqlDriverAdapter): SqlDriverAdapter {
    adapter.executeScript = (script) => this.runScript(adapter, script);
    return adapter;
  }
}

export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new WholeScriptFactory(
    new PrismaPGlite(client),
    async (_adapter, script) => {
      await client.exec(script);
    },
    // the shadow database needs pg_trgm too, which the library's own shadow PGlite lacks
    () => new PrismaPGlite(openPglite("memory://")),
  );
}

export function postgresAdapterFactory(url: string, max = 10): SqlMigrationAwareDriverAdapterFactory {
  return new WholeScriptFactory(new PrismaPg({ connectionString: url, max }), async (adapter, script) => {
    const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
    await pool.query(script);
  });
}

export function adapterFactoryFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return postgresAdapterFactory(target.url);
  return pgliteAdapterFactory(openPglite(target.dataDir));
}
