import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { OverviewTable } from "./_components/overview-table";
import { RiskView } from "./_components/risk-view";

export const metadata: Metadata = { title: "Team overview" };

export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Team overview"
        description="How well each team's apps are covered. “Nobody reachable” counts owned apps whose owner is away with no backup; unowned apps have nobody to page either."
      />
      <div className="stack-lg">
        <OverviewTable />
        <RiskView />
      </div>
    </>
  );
}
