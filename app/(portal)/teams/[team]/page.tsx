import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { teamPageData } from "@/lib/notify/escalation-store";
import { EscalationSection } from "./_components/escalation-section";
import { StewardshipSettingsSection } from "./_components/stewardship-settings";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const team = await teamPageData(slug);
  if (!team) notFound();
  return (
    <>
      <PageHeader
        title={team.name}
        description={
          <>
            {team.apps} apps · leads: {team.leads.length > 0 ? team.leads.map((l) => l.name).join(", ") : "none"} ·{" "}
            <Link href={`/apps?team=${encodeURIComponent(team.slug)}`}>the team&apos;s apps</Link>
          </>
        }
      />
      <div className="stack-lg">
        <EscalationSection team={team.slug} />
        <StewardshipSettingsSection team={team.slug} confirmEveryDays={team.confirmEveryDays} />
      </div>
    </>
  );
}
