"use client";

import Link from "next/link";
import { useCurrentUser } from "@/components/current-user";
import { PersonLabel, ResponderLabel } from "@/components/person";
import { SyncBadge, WorstFindingBadge } from "@/components/stewardship-badges";
import type { AppSummary } from "@/lib/client/types";

export function MyAppsTable({ apps, caption }: { apps: AppSummary[]; caption: string }) {
  const me = useCurrentUser();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Team</th>
            <th scope="col">Owner</th>
            <th scope="col">Backup</th>
            <th scope="col">Responder</th>
            <th scope="col">Worst finding</th>
            <th scope="col">Grafana</th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.appId} className={app.responder ? undefined : "row-danger"}>
              <th scope="row">
                <Link href={`/apps/${encodeURIComponent(app.appId)}`} className="app-id">
                  {app.appId}
                </Link>
                <span className="cell-sub">{app.name}</span>
              </th>
              <td>{app.teamName}</td>
              <td>
                <PersonLabel person={app.owner} empty="Unowned" me={me.email} />
              </td>
              <td>
                <PersonLabel person={app.backup} empty="No backup" me={me.email} />
              </td>
              <td>
                <ResponderLabel responder={app.responder} ownerAway={app.ownerAway} me={me.email} />
                {app.stale ? <span className="cell-sub">Stale: {(app.reasons ?? []).map((r) => r.replace(/_/g, " ")).join(", ")}</span> : null}
              </td>
              <td>
                <WorstFindingBadge finding={app.worstFinding} />
              </td>
              <td>
                <SyncBadge sync={app.sync} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
