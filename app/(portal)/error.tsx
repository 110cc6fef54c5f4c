"use client";

// Any portal page that fails to render shows this inside the shell; each section has its own.
export { SectionError as default } from "@/components/ui/section-error";
