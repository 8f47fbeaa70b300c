import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listPeople } from "@/lib/admin/people";
import { listTeams } from "@/lib/ownership/directory";
import { AddPersonForm } from "./_components/add-person-form";
import { PeopleTable } from "./_components/people-table";
import { TeamsSection } from "./_components/teams-section";

export const metadata: Metadata = { title: "People and teams" };

export default async function PeoplePage() {
  const user = await getCurrentUser();
  // Admins and leads only; everyone else sees the page as absent, as the API answers them 403.
  if (!user || (user.role !== "admin" && user.role !== "lead")) notFound();
  const manager = { id: user.id, role: user.role, team: user.team };
  const [people, teams] = await Promise.all([listPeople(manager), listTeams()]);
  const isAdmin = user.role === "admin";
  return (
    <>
      <PageHeader
        title="People and teams"
        description={
          isAdmin
            ? "Add people, change their role or team, and deactivate those who left: they can no longer sign in, and the backups answer for their apps."
            : `The people of your team (${user.team ?? "none"}): add engineers and deactivate those who left.`
        }
      />
      <div className="stack-lg">
        <AddPersonForm manager={manager} teams={teams} />
        <PeopleTable manager={manager} teams={teams} initialPeople={people} />
        {isAdmin ? <TeamsSection initialTeams={teams} /> : null}
      </div>
    </>
  );
}
