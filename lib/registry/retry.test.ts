import { describe, expect, it } from "vitest";
import { isRetryable, withRetry } from "./retry";

describe("withRetry (PostgreSQL serialization failures)", () => {
  it("runs a transaction again after a serialization failure or deadlock, then succeeds", async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      if (calls < 3)
        throw Object.assign(new Error("could not serialize access"), {
          code: calls === 1 ? "40001" : "40P01",
        });
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("does not retry other errors, and gives up after the attempts", async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw new Error("unique violation");
      }),
    ).rejects.toThrow("unique");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw Object.assign(new Error("x"), { code: "P2034" });
      }, 2),
    ).rejects.toThrow();
    expect(calls).toBe(2);
    expect(isRetryable({ cause: { originalCode: "40001" } })).toBe(true);
  });
});
