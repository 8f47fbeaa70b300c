import { PageSkeleton } from "@/components/skeleton";

export default function PortalLoading() {
  return <PageSkeleton />;
}
