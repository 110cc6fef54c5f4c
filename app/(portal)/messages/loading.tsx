import { LoadingSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <LoadingSkeleton rows={8} />;
}
