import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getOperatorActor, getPortalSession } from "@/lib/auth/actor";
import { SURFACE_HEADER } from "@/lib/proxy/registrant-routes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const product = (await getTranslations("shell"))("product");
  return {
    title: { default: product, template: `%s · ${product}` },
    description: product,
    robots: { index: false, follow: false },
  };
}

/**
 * Reading the request headers makes every page render per request, so each gets the nonce of its
 * own Content-Security-Policy (lib/proxy/csp.ts): Next.js takes it from the request's CSP header
 * and puts it on its scripts. A page prerendered at build time would carry no nonce, and the
 * browser would refuse its scripts.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  const locale = await getLocale();
  const messages = await clientMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* next-intl 4 hands the request's locale and messages to client components itself */}
        <NextIntlClientProvider messages={messages}>
          {/* URL state of tables and filters (nuqs) */}
          <NuqsAdapter>{children}</NuqsAdapter>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

/** What every page's client components may need before anyone is signed in. */
const PUBLIC_NAMESPACES = ["ui", "login", "language", "pages", "errors", "errorDetails", "errorReasons", "registrant"];

/**
 * The catalogue the browser gets: all of it for a signed-in portal user or operator; before
 * login (and on the registrants' pages) only the public namespaces, so a page reachable from
 * anywhere never carries the portal's texts (SEC-1).
 */
async function clientMessages() {
  const messages = await getMessages();
  // the registrants' pages (/r/) never carry portal text, whoever is signed in (issue 16)
  const registrantSurface = (await headers()).get(SURFACE_HEADER) === "registrant";
  if (!registrantSurface && ((await getPortalSession()) || (await getOperatorActor()))) return messages;
  return Object.fromEntries(Object.entries(messages).filter(([ns]) => PUBLIC_NAMESPACES.includes(ns)));
}
