// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads each request's language and messages from lib/i18n/request.ts (issue 12).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Headers sent with every response Next.js makes; the portal is never framed and never sniffed.
 * server/entry.ts sets the same baseline (and HSTS under TLS) before Next runs, and proxy.ts the
 * per-request Content-Security-Policy with its nonce.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Bundled, PGlite resolves its data files from a URL and fails (DESIGN.md §7); the others are
  // native or Node-only and gain nothing from bundling.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
  ],
  experimental: {
    // Enables forbidden() / unauthorized() and app/forbidden.tsx.
    authInterrupts: true,
  },
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
