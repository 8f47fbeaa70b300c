import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/skeleton";
import { AppsBrowser } from "./_components/apps-browser";
import { RegisterAppForm } from "./_components/register-app-form";

export const metadata: Metadata = { title: "All apps" };

export default function AllAppsPage() {
  return (
    <>
      <PageHeader
        title="All apps"
        description="Every registered application, who owns it and who gets paged now."
        actions={<RegisterAppForm />}
      />
      {/* AppsBrowser reads the filters from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<TableSkeleton label="Loading apps" />}>
        <AppsBrowser />
      </Suspense>
    </>
  );
}
