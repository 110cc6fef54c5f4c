import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Registrar Portal", template: "%s · Registrar Portal" },
  description: "Registrar Portal of the domain registry",
  robots: { index: false, follow: false },
};

/**
 * Reading the request headers makes every page render per request, so each gets the nonce of its
 * own Content-Security-Policy (lib/proxy/csp.ts): Next.js takes it from the request's CSP header
 * and puts it on its scripts. A page prerendered at build time would carry no nonce, and the
 * browser would refuse its scripts.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
