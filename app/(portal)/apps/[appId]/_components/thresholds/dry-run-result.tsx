import { formatDateTime } from "@/lib/client/format";
import { formatDuration, REASON_LABELS } from "@/lib/client/thresholds/format";
import type { DryRunResult as Result } from "@/lib/client/thresholds/types";

const iso = (ms: number) => new Date(ms).toISOString();

export function DryRunResult({ result }: { result: Result }) {
  const count = result.firings.length;
  return (
    <div className="stack" role="status" aria-live="polite" aria-label="Dry run result">
      {result.samples === 0 ? (
        <p className="hint">No stored traffic in the last 7 days, so there is nothing to test these thresholds against.</p>
      ) : (
        <p>
          <strong>{count === 0 ? "Would not have fired" : `Would have fired ${count === 1 ? "once" : `${count} times`}`}</strong>{" "}
          <span className="muted">in the last 7 days.</span>
        </p>
      )}
      {count > 0 ? (
        <ul className="changes" aria-label="When the alert would have fired">
          {result.firings.map((f) => (
            <li key={f.start}>
              <time dateTime={iso(f.start)}>{formatDateTime(iso(f.start))}</time>
              {" – "}
              {f.ongoing ? "still firing" : <time dateTime={iso(f.end)}>{formatDateTime(iso(f.end))}</time>}{" "}
              <span className="muted">
                ({formatDuration(f.end - f.start)}, {REASON_LABELS[f.reason]})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
