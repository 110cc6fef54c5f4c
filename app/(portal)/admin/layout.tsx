import { guardPage } from "@/lib/auth/actor";
import { AdminNav } from "./_components/admin-nav";

// Every page under /admin is the Administrator's (DESIGN.md §1): answer 403 here, before anything
// streams, and again in each page with its own verb.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await guardPage("account.users");
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
