import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { GrafanaAdmin } from "./_components/grafana-admin";

export const metadata: Metadata = { title: "Grafana sync" };

export default async function GrafanaAdminPage() {
  const user = await getCurrentUser();
  // Admins only; everyone else sees the page as absent, as the API answers them 403.
  if (user?.role !== "admin") notFound();
  return (
    <>
      <PageHeader
        title="Grafana sync"
        description="Changes to owners, thresholds and availability reach Grafana through an outbox. Failed pushes and rules edited in Grafana show up here."
      />
      <GrafanaAdmin />
    </>
  );
}
