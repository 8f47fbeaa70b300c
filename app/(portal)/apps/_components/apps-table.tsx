"use client";

import Link from "next/link";
import { useCurrentUser } from "@/components/current-user";
import { PersonLabel, ResponderLabel } from "@/components/person";
import type { AppSummary } from "@/lib/client/types";
import { ClaimButton } from "@/components/claim-button";
import { SyncBadge, WorstFindingBadge } from "@/components/stewardship-badges";

export function AppsTable({ apps, busy }: { apps: AppSummary[]; busy?: boolean }) {
  const me = useCurrentUser();
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="data-table">
        <caption className="visually-hidden">Applications with their owner, backup, responder, worst open finding and Grafana sync state</caption>
        <thead>
          <tr>
            <th scope="col">App id</th>
            <th scope="col">Name</th>
            <th scope="col">Team</th>
            <th scope="col">Owner</th>
            <th scope="col">Backup</th>
            <th scope="col">Responder</th>
            <th scope="col">Worst finding</th>
            <th scope="col">Grafana</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.appId}>
              <th scope="row">
                <Link href={`/apps/${encodeURIComponent(app.appId)}`} className="app-id">
                  {app.appId}
                </Link>
              </th>
              <td>{app.name}</td>
              <td>{app.teamName}</td>
              <td>
                <PersonLabel person={app.owner} empty="Unowned" me={me.email} />
              </td>
              <td>
                <PersonLabel person={app.backup} me={me.email} />
              </td>
              <td>
                <ResponderLabel responder={app.responder} ownerAway={app.ownerAway} me={me.email} />
                {app.stale ? <span className="cell-sub">Stale</span> : null}
              </td>
              <td>
                <WorstFindingBadge finding={app.worstFinding} />
              </td>
              <td>
                <SyncBadge sync={app.sync} />
              </td>
              <td className="cell-actions">{app.owner ? null : <ClaimButton appId={app.appId} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
