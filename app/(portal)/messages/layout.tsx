import type { ReactNode } from "react";
import { guardPage } from "@/lib/auth/actor";

// The guard sits here, above loading.tsx, so a user without the verb gets HTTP 403 before the
// skeleton streams (DESIGN.md §7).
export default async function MessagesLayout({ children }: { children: ReactNode }) {
  await guardPage("message.view");
  return children;
}
