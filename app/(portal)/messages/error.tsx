"use client";

// A failure in this section stays inside it: the shell and the navigation remain usable.
export { SectionError as default } from "@/components/ui/section-error";
