"use client";

import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { ApiTokenSummary } from "@/lib/client/types";
import { useRevokeToken } from "@/lib/client/use-revoke-token";
import { useTokens } from "@/lib/client/use-tokens";

export function TokensTable() {
  const tokens = useTokens();
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Your tokens</h2>
      <QueryBoundary query={tokens} loading={<TableSkeleton rows={3} columns={6} label="Loading tokens" />} errorTitle="Tokens could not be loaded">
        {(data) => data.length === 0 ? (
        <EmptyState title="You have no API tokens." />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      </QueryBoundary>
    </section>
  );
}

function scopeLabel(token: ApiTokenSummary): string {
  const names = token.scopes.map((s) => (s === "write" ? "read and write" : s === "read" ? "read only" : "traffic ingest"));
  return `${names.join(", ")}${token.team ? ` (team ${token.team})` : ""}`;
}

function TokenRow({ token }: { token: ApiTokenSummary }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);

  function confirm() {
    revoke.mutate({ id: token.id, name: token.name }, { onError: () => setConfirming(false) });
  }

  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>{scopeLabel(token)}</td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>{formatRelative(token.lastUsedAt)}</td>
      <td className="cell-actions">
        {confirming ? (
          <span className="row-actions">
            <button type="button" className="button button-small button-danger" onClick={confirm} disabled={revoke.isPending}>
              {revoke.isPending ? "Revoking…" : "Confirm revoke"}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={`Revoke ${token.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
