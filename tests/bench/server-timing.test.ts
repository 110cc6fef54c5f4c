import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { serverTiming } from "@/server/entry";

// Issue 22: the server entry stamps every response head with the server's time (Server-Timing),
// whether the head is written explicitly or implicitly by the first write.
describe("Server-Timing from the server entry", () => {
  it("stamps explicit and implicit response heads with app;dur", async () => {
    const server = createServer((req, res) => {
      serverTiming(res, performance.now() - 5);
      if (req.url === "/explicit") res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ["/explicit", "/implicit"]) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        const header = response.headers.get("server-timing") ?? "";
        expect(header).toMatch(/^app;dur=\d+\.\d$/);
        expect(Number(header.split("=")[1])).toBeGreaterThanOrEqual(5);
      }
    } finally {
      server.close();
    }
  });
});
