import Link from "next/link";
import type { Overview, OverviewCounts } from "@/lib/client/types";

const COLUMNS: { key: keyof OverviewCounts; label: string; tone?: "warning" | "danger" }[] = [
  { key: "apps", label: "Apps" },
  { key: "owned", label: "Owned" },
  { key: "unowned", label: "Unowned", tone: "warning" },
  { key: "withBackup", label: "With backup" },
  { key: "ownerAway", label: "Owner away" },
  { key: "unreachable", label: "Nobody reachable", tone: "danger" },
];

function Cells({ counts }: { counts: OverviewCounts }) {
  return COLUMNS.map((column) => {
    const value = counts[column.key];
    const flagged = column.tone !== undefined && value > 0;
    return (
      <td key={column.key} className={`num${flagged ? ` num-${column.tone}` : ""}`}>
        {value}
      </td>
    );
  });
}

export function OverviewTable({ overview }: { overview: Pick<Overview, "teams" | "totals"> }) {
  const { teams, totals } = overview;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">App coverage per team, with totals</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.slug}>
              <th scope="row">
                <Link href={`/apps?team=${encodeURIComponent(team.slug)}`}>{team.name}</Link>
                <Link href={`/teams/${encodeURIComponent(team.slug)}`} className="cell-sub" aria-label={`Team page of ${team.name}`}>
                  Team page and escalation
                </Link>
              </th>
              <Cells counts={team} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All teams</th>
            <Cells counts={totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
