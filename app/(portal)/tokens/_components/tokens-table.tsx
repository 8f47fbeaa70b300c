import { EmptyState } from "@/components/empty-state";
import type { ApiTokenSummary } from "@/lib/client/types";
import { TokenRow } from "./token-row";

// Rendered on the server from lib/tokens (the page is a server component); each row is a client
// component for its revoke button.
export function TokensTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Your tokens</h2>
      {tokens.length === 0 ? (
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
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
