import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from "@prisma/driver-adapter-utils";

/**
 * Issue 22: a driver adapter factory whose connections hand every statement Prisma sends (inside
 * transactions too: SQL, arguments, types) to `onQuery` — for counting a request's queries
 * (`countingFactory`) and for EXPLAINing them on the bench data (bench/explain.ts).
 */
export function recordingFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  onQuery: (query: SqlQuery) => void,
): SqlMigrationAwareDriverAdapterFactory {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "queryRaw" || prop === "executeRaw")
          return (query: SqlQuery) => {
            onQuery(query);
            return (value as (q: SqlQuery) => unknown).call(t, query);
          };
        if (prop === "startTransaction")
          return async (...args: unknown[]) =>
            wrap((await (value as (...a: unknown[]) => Promise<object>).apply(t, args)) as object);
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
    });
  return wrap({
    ...factory,
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()) as SqlDriverAdapter,
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
}

/** A factory that records the SQL of every statement, so a test can count a request's queries. */
export function countingFactory(factory: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  statements: string[];
} {
  const statements: string[] = [];
  return { statements, factory: recordingFactory(factory, (q) => statements.push(q.sql ?? "")) };
}

/** Statements that read or write the table (Prisma quotes it: `"public"."Session"`). */
export function onTable(statements: string[], table: string): string[] {
  return statements.filter((sql) => sql.includes(`"${table}"`));
}
