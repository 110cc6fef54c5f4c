import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./config";
import { openPglite } from "./pglite";

/**
 * pglite-prisma-adapter 0.7.2's executeScript does not await PGlite's exec, so a failing migration
 * script is reported as a success (DESIGN.md §7). This factory awaits it and lets errors surface.
 */
class AwaitingPgliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-awaiting";
  private readonly inner: PrismaPGlite;

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.fix(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = openPglite("memory://");
    return this.fix(await new PrismaPGlite(shadow).connect(), shadow);
  }

  private fix(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
    adapter.executeScript = async (script: string) => {
      await client.exec(script);
    };
    return adapter;
  }
}

export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new AwaitingPgliteFactory(client);
}

export function adapterFactoryFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PrismaPg({ connectionString: target.url, max: 10 });
  return pgliteAdapterFactory(openPglite(target.dataDir));
}
