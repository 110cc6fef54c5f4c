import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

// Rendered with HTTP 403 when a page or layout calls forbidden() (experimental.authInterrupts).
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-4 px-4">
      <p className="text-sm font-medium text-muted">403</p>
      <h1 className="text-2xl">You do not have access to this section</h1>
      <p className="text-zinc-700">
        Your user does not have the role this section needs. If you think you should have access,
        ask an administrator of your registrar account to change your roles.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
