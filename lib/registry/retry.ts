/**
 * PostgreSQL may abort a transaction with a serialization failure (40001) or a deadlock (40P01)
 * when concurrent transactions collide; the transaction did nothing and can simply run again.
 */
const RETRYABLE = new Set(["40001", "40P01", "P2034"]);

export function isRetryable(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string; originalCode?: string };
    meta?: { code?: string };
  };
  return [e?.code, e?.cause?.code, e?.cause?.originalCode, e?.meta?.code].some(
    (c) => typeof c === "string" && RETRYABLE.has(c),
  );
}

export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** i + Math.random() * 10));
    }
  }
}
