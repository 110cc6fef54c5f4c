"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the job runs on the server, re-render the page (a server refresh) every second. */
export function JobPoller({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
