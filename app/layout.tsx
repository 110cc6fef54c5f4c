import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
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
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* next-intl 4 hands the request's locale and messages to client components itself */}
        <NextIntlClientProvider>
          {/* URL state of tables and filters (nuqs) */}
          <NuqsAdapter>{children}</NuqsAdapter>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
