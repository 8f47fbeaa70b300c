"use client";

import { ErrorPanel } from "@/components/error-panel";
import { TableSkeleton } from "@/components/skeleton";
import { useMe } from "@/lib/client/use-me";
import { AvailabilityForm } from "./availability-form";
import { ContactForm } from "./contact-form";
import { SessionsSection } from "./sessions-section";

export function Profile() {
  const me = useMe();
  if (me.isPending) return <TableSkeleton rows={4} columns={2} label="Loading your profile" />;
  if (me.isError) return <ErrorPanel title="Your profile could not be loaded" error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <>
      <div className="two-columns">
        <AvailabilityForm me={me.data} />
        <ContactForm me={me.data} />
      </div>
      <SessionsSection />
    </>
  );
}
