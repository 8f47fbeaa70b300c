"use client";

import { useState } from "react";
import { LocalTime } from "@/components/local-time";
import type { ApiTokenSummary } from "@/lib/client/types";
import { useRevokeToken } from "@/lib/client/use-revoke-token";

function scopeLabel(token: ApiTokenSummary): string {
  const names = token.scopes.map((s) => (s === "write" ? "read and write" : s === "read" ? "read only" : "traffic ingest"));
  return `${names.join(", ")}${token.team ? ` (team ${token.team})` : ""}`;
}


export function TokenRow({ token }: { token: ApiTokenSummary }) {
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
      <td>
        <LocalTime iso={token.createdAt} />
      </td>
      <td>
        <LocalTime iso={token.lastUsedAt} relative />
      </td>
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
