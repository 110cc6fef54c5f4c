import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";

/*
 * Raw HTTP for the security suite: requests from a chosen loopback source address (127.0.0.2 is on
 * no allowlist), with exactly the headers and body given — no browser, no redirects followed.
 */

/** The e2e server (playwright.config.ts); another one while developing the suite. */
export const serverBase =
  process.env.SECURITY_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
/** The attacker's Host/Origin: how Next itself fetches the server (`localhost:PORT`). */
export const serverOrigin = `http://localhost:${new URL(serverBase).port}`;

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

export type RawRequest = {
  method?: string;
  localAddress?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The request line's target as sent (not normalised), e.g. "/favicon.icox". */
  path?: string;
};

export function send(base: string, req: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port,
        method: req.method ?? "GET",
        path: req.path ?? "/",
        localAddress: req.localAddress,
        // a connection per request: a case that lies about its length must not poison the next
        agent: false,
        headers: req.headers ?? {},
        // the Host header is whatever the case says, also empty
        setHost: !(req.headers && Object.keys(req.headers).some((h) => h.toLowerCase() === "host")),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

function setCookies(res: RawResponse): string[] {
  const raw = res.headers["set-cookie"];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.split(";")[0]!);
}

/** Logs a demo user in through next-auth from an allowlisted address; returns the Cookie header. */
export async function logInCookie(
  base: string,
  email: string,
  password = "Demo-Portal-2026!",
): Promise<string> {
  return (await logIn(base, email, password)).cookie;
}

/** The login's responses too, to look at the cookies' attributes. */
export async function logIn(
  base: string,
  email: string,
  password = "Demo-Portal-2026!",
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ cookie: string; setCookies: string[] }> {
  const csrf = await send(base, { path: "/api/auth/csrf", headers, localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const jar = setCookies(csrf);
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const login = await send(base, {
    method: "POST",
    path: "/api/auth/callback/portal",
    localAddress,
    headers: {
      ...headers,
      cookie: jar.join("; "),
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
    },
    body: form,
  });
  const raw = ([] as string[]).concat(login.headers["set-cookie"] ?? []);
  const session = setCookies(login).find((c) => c.includes("session-token="));
  if (!session)
    throw new Error(`login of ${email} failed: ${login.status} ${login.body.slice(0, 200)}`);
  return {
    cookie: session,
    setCookies: [...raw, ...([] as string[]).concat(csrf.headers["set-cookie"] ?? [])],
  };
}

/**
 * A server action of the current build (`.next/server/server-reference-manifest.json`): its id,
 * and a page that serves it (the first route bundling it; `[segments]` filled with `segment`).
 * `file` picks among actions of one name in several files (e.g. "lib/actions/admin.ts").
 */
export function actionRef(
  exportedName: string,
  opts: { file?: string; segment?: string; root?: string } = {},
): { id: string; path: string } {
  const root = opts.root ?? process.env.SECURITY_APP_ROOT ?? process.cwd();
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { exportedName?: string; filename?: string; workers: Record<string, unknown> }
    >;
  };
  const found = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && (!opts.file || v.filename === opts.file),
  );
  if (!found) throw new Error(`no server action named ${exportedName} in the build`);
  const worker = Object.keys(found[1].workers)[0] ?? "app/page";
  const route = worker
    .replace(/^app/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/page$/, "")
    .replace(/\[[^\]]+\]/g, opts.segment ?? "x");
  return { id: found[0], path: route || "/" };
}

/** The id Next gave a server action in the current build. */
export function actionId(exportedName: string, root?: string): string {
  return actionRef(exportedName, { root }).id;
}

/** The headers Next's client sends with a server-action call to the site at `origin`. */
export function actionHeaders(origin: string, id: string, cookie?: string): Record<string, string> {
  const url = new URL(origin);
  return {
    host: url.host,
    origin: url.origin,
    "next-action": id,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
    ...(cookie ? { cookie } : {}),
  };
}
