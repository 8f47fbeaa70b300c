"use client";

import { useRouter } from "next/navigation";
import { QueryBoundary } from "@/components/query-boundary";
import { FormError } from "@/components/form-error";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useEndSession, useSessions, useSignOutEverywhere } from "@/lib/client/use-sessions";

export function SessionsSection() {
  const sessions = useSessions();
  const end = useEndSession();
  const everywhere = useSignOutEverywhere();
  const router = useRouter();

  function signOutEverywhere() {
    everywhere.mutate(undefined, {
      onSuccess: () => {
        router.replace("/login");
        router.refresh();
      },
    });
  }

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <QueryBoundary query={sessions} loading={<TableSkeleton rows={2} columns={4} label="Loading sessions" />} errorTitle="Sessions could not be loaded">
        {(data) => (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Your signed-in sessions</caption>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.userAgent || "unknown browser"}
                    {s.current ? <span className="muted"> (this browser)</span> : null}
                  </th>
                  <td>{s.address || "—"}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td title={formatDateTime(s.lastSeenAt)}>{formatRelative(s.lastSeenAt)}</td>
                  <td className="cell-actions">
                    {s.current ? null : (
                      <button type="button" className="button button-small button-secondary" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                        Sign out
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      </QueryBoundary>
      <FormError error={end.error ?? everywhere.error} />
      <button type="button" className="button button-danger" onClick={signOutEverywhere} disabled={everywhere.isPending}>
        {everywhere.isPending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </section>
  );
}
