"use client";

import { LevelBadge } from "@/components/stewardship-badges";
import { useToast } from "@/components/toast";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import type { AppDetail } from "@/lib/client/types";
import { useConfirmApp } from "@/lib/client/use-stewardship";

/** Whether the ownership is still true, why not (in words), the scorecard, and the owner's "Still mine". */
export function StewardshipSection({ app }: { app: AppDetail }) {
  const confirm = useConfirmApp(app.appId);
  const toast = useToast();
  const s = app.stewardship;
  const card = app.scorecard;
  if (!s || !card) return null;
  return (
    <section className="card stack" aria-labelledby="stewardship-heading">
      <h2 id="stewardship-heading">Stewardship</h2>
      <div className="facts">
        <div className="fact" role="group" aria-label="Scorecard">
          <div className="fact-label">Scorecard</div>
          <div className="fact-value">
            <LevelBadge level={card.level} />
            {card.missing.length > 0 ? <span className="cell-sub">Next level needs: {card.missing.join(", ")}</span> : null}
          </div>
        </div>
        <div className="fact" role="group" aria-label="Last confirmed">
          <div className="fact-label">Last confirmed</div>
          <div className="fact-value">
            {s.confirmedAt ? formatDateTime(s.confirmedAt) : "Never"}
            {s.confirmDueAt ? <span className="cell-sub">next due {formatDateTime(s.confirmDueAt)}</span> : null}
          </div>
        </div>
      </div>
      {s.reasons.length === 0 ? (
        <p className="muted" aria-label="Stewardship reasons">Nothing to look at: the ownership is current.</p>
      ) : (
        <ul className="stack-sm" aria-label="Stewardship reasons">
          {s.reasons.map((r) => (
            <li key={r.code} data-code={r.code}>
              <span className="badge badge-warning">{r.code.replace(/_/g, " ")}</span> {r.text}
            </li>
          ))}
        </ul>
      )}
      {app.canConfirm ? (
        <div>
          <button
            type="button"
            className="button"
            disabled={confirm.isPending}
            onClick={() =>
              confirm.mutate(undefined, {
                onSuccess: () => toast.success(`Confirmed: ${app.appId} is still yours.`),
                onError: (error) => toast.error(`Could not confirm ${app.appId}: ${errorMessage(error)}`),
              })
            }
          >
            {confirm.isPending ? "Confirming…" : "Still mine"}
          </button>
          <p className="muted">Confirm you still answer for this app; your team asks for it regularly.</p>
        </div>
      ) : null}
    </section>
  );
}
