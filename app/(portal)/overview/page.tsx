import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { teamOverview } from "@/lib/ownership/overview";
import { OverviewTable } from "./_components/overview-table";
import { RiskView } from "./_components/risk-view";

export const metadata: Metadata = { title: "Team overview" };

// A server component (the page only reads): the overview is computed from lib/ownership on each
// request; the (portal) layout has already required a signed-in user.
export default async function OverviewPage() {
  const overview = await teamOverview();
  return (
    <>
      <PageHeader
        title="Team overview"
        description="How well each team's apps are covered. “Nobody reachable” counts owned apps whose owner is away with no backup; unowned apps have nobody to page either."
      />
      <div className="stack-lg">
        <OverviewTable overview={overview} />
        <RiskView risk={overview.risk} />
      </div>
    </>
  );
}
