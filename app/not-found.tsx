import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-4 px-4">
      <p className="text-sm font-medium text-muted">404</p>
      <h1 className="text-2xl">Page not found</h1>
      <p className="text-zinc-700">
        The page you asked for does not exist, or it has moved. Check the address, or start again
        from the home page.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
