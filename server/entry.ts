import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import next from "next";
import { requestContext, type RequestContext } from "../lib/actions/request-context";
import { clientAddressFor, ipInCidrs, parseCidrList } from "../lib/net/client-address";
import { checkActionRequest, isValidHostHeader } from "../lib/net/host";
import { HOP_HEADER, signHop, verifyHop } from "./hop";
import { guardActionResponse, refuse, setBaselineHeaders } from "./response-guard";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

export type StartServerOptions = {
  port: number;
  /** Interface to listen on; default: all interfaces, like `next start`. */
  hostname?: string;
  dev?: boolean;
};

export type RunningServer = {
  close(): Promise<void>;
  /** Base URL reachable from this machine, e.g. http://127.0.0.1:3100 */
  url: string;
};

/**
 * Starts Next.js behind a plain Node HTTP server that fixes the client address first.
 *
 * Next.js keeps a client-sent X-Forwarded-For as it is (DESIGN.md §5, §7), so anything reading it
 * (proxy.ts allowlist, audit IPs, rate limits) could be fooled. Here the header is overwritten
 * with one address (see `admit`). Client-sent copies of other address headers are dropped so no
 * later code is tempted to read them.
 */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const dev = opts.dev ?? false;
  // Parsed once, before listening: an invalid TRUSTED_PROXIES must stop the server.
  const trustedProxies = parseCidrList(process.env.TRUSTED_PROXIES);

  const app = next({ dev, dir: projectRoot, port: opts.port, hostname: opts.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    serverTiming(res, performance.now());
    const hop = admit(req, res, trustedProxies);
    if (!hop) return;
    const context: RequestContext = { actionEntered: false };
    if (hop.isAction) guardActionResponse(req, res, () => context.actionEntered);
    requestContext
      .run(context, () => handle(req, res))
      .catch((error: unknown) => {
        console.error("Unhandled error for", req.method, req.url, error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });

  if (dev) {
    // Hot reload uses WebSocket upgrades.
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
      upgrade(req, socket, head).catch(() => socket.destroy());
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const onListening = () => {
      server.off("error", reject);
      resolve();
    };
    if (opts.hostname) server.listen(opts.port, opts.hostname, onListening);
    else server.listen(opts.port, onListening);
  });

  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(opts.hostname)}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        });
        await app.close();
      })();
      return closing;
    },
  };
}

/**
 * Issue 22: `Server-Timing: app;dur=…` — the server's time from the request to the response head
 * (proxy, session check, and the render up to its first flush), read by `npm run bench`.
 * Node sends every head through writeHead (an implicit head too), so wrapping it sees them all.
 */
export function serverTiming(res: ServerResponse, started: number) {
  const writeHead = res.writeHead;
  res.writeHead = function (
    this: ServerResponse,
    ...args: Parameters<ServerResponse["writeHead"]>
  ) {
    if (!this.headersSent)
      this.setHeader("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * Decides who the client is and whether the request may reach Next at all; answers it itself
 * (and returns null) when not.
 *
 * - The client address: the socket peer, or, only when the peer is in TRUSTED_PROXIES, the client
 *   hop that proxy recorded — unless the request carries this process's own signed stamp, which
 *   only Next's internal forwarding of a server action can (server/hop.ts). Then the first hop's
 *   address is kept, so loopback never launders a client.
 * - Internal headers a client might send (our stamp, Next's `x-action-forwarded`) are dropped
 *   unless the stamp verified.
 * - A missing or malformed Host is a 400; a server-action call must be a POST with a length
 *   within 1 MB (405, 411, 413), so Next never answers those with a 500.
 */
function admit(
  req: IncomingMessage,
  res: ServerResponse,
  trustedProxies: ReturnType<typeof parseCidrList>,
): { isAction: boolean } | null {
  const stamped = verifyHop(req.headers[HOP_HEADER]);
  const peerTrusted = ipInCidrs(req.socket.remoteAddress ?? "", trustedProxies);
  const tls =
    Boolean((req.socket as { encrypted?: boolean }).encrypted) ||
    (peerTrusted && firstValue(req.headers["x-forwarded-proto"]) === "https");
  setBaselineHeaders(res, tls);

  const client =
    stamped ??
    clientAddressFor(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  if (client === null) {
    // Only happens when the socket is already gone.
    refuse(res, 400, "Bad request.");
    return null;
  }
  if (!stamped) delete req.headers["x-action-forwarded"];
  req.headers[HOP_HEADER] = signHop(client);
  req.headers["x-forwarded-for"] = client;
  if (!stamped) req.headers["x-forwarded-proto"] = tls ? "https" : "http";
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  // next-auth builds its URLs from the Host header (AUTH_TRUST_HOST); a client-sent
  // X-Forwarded-Host must not redirect them elsewhere.
  delete req.headers["x-forwarded-host"];

  if (!isValidHostHeader(req.headers.host)) {
    refuse(res, 400, "Bad request: the Host header is missing or malformed.");
    return null;
  }
  // a multipart POST may be a no-JavaScript form action, which Next decodes the same way
  const isAction =
    req.headers["next-action"] !== undefined ||
    (req.method === "POST" && /^multipart\/form-data/i.test(req.headers["content-type"] ?? ""));
  if (isAction && !stamped) {
    // a forwarded hop has no Content-Length (Next streams the body); its first hop was checked
    const check = checkActionRequest(
      req.method,
      firstValue(req.headers["content-length"]),
      req.url,
    );
    if (!check.ok) {
      refuse(res, check.status, check.message);
      return null;
    }
  }
  return { isAction };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Host part of a URL for this machine: wildcard binds are reached via loopback. */
function urlHost(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0") return "127.0.0.1";
  if (hostname === "::") return "[::1]";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}
