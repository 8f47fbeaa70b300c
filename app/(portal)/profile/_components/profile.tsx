"use client";

import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { useMe } from "@/lib/client/use-me";
import { AvailabilityForm } from "./availability-form";
import { ContactForm } from "./contact-form";
import { SessionsSection } from "./sessions-section";

export function Profile() {
  const me = useMe();
  return (
    <QueryBoundary query={me} loading={<TableSkeleton rows={4} columns={2} label="Loading your profile" />} errorTitle="Your profile could not be loaded">
      {(data) => (
        <>
          <div className="two-columns">
            <AvailabilityForm me={data} />
            <ContactForm me={data} />
          </div>
          <SessionsSection />
        </>
      )}
    </QueryBoundary>
  );
}
