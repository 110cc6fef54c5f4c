import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Issue 22: a driver adapter factory that records the SQL of every statement Prisma sends (inside
 * transactions too), so a test can count the queries of a request, or of one table.
 */
export function countingFactory(factory: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  statements: string[];
} {
  const statements: string[] = [];
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "queryRaw" || prop === "executeRaw")
          return (...args: unknown[]) => {
            statements.push((args[0] as { sql?: string } | undefined)?.sql ?? "");
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        if (prop === "startTransaction")
          return async (...args: unknown[]) =>
            wrap((await (value as (...a: unknown[]) => Promise<object>).apply(t, args)) as object);
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
    });
  return {
    statements,
    factory: wrap({
      ...factory,
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => wrap(await factory.connect()) as SqlDriverAdapter,
      connectToShadowDb: () => factory.connectToShadowDb(),
    }),
  };
}

/** Statements that read or write the table (Prisma quotes it: `"public"."Session"`). */
export function onTable(statements: string[], table: string): string[] {
  return statements.filter((sql) => sql.includes(`"${table}"`));
}
