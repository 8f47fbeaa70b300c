import { useId } from "react";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { DETECTOR_LABELS, describeDeviation, expectedLabel, formatRps } from "@/lib/client/findings/format";
import type { Finding } from "@/lib/client/findings/types";
import { AckControls } from "@/components/findings/ack-controls";
import { FindingNotifications } from "./finding-notifications";
import { SeverityBadge } from "./severity-badge";

/** One open finding, loud enough to act on: what, since when, why, by how much, and who knows. */
export function OpenFinding({ finding }: { finding: Finding }) {
  const id = useId();
  const f = finding;
  return (
    <article className={`finding finding-${f.severity}`} aria-labelledby={id}>
      <div className="finding-head">
        <SeverityBadge severity={f.severity} />
        <h3 id={id}>{DETECTOR_LABELS[f.detector]}</h3>
        <span className="muted">
          since{" "}
          <time dateTime={f.startedAt} title={formatDateTime(f.startedAt)}>
            {formatDateTime(f.startedAt)}
          </time>{" "}
          ({formatRelative(f.startedAt)})
        </span>
      </div>
      <p className="finding-explanation">{f.explanation}</p>
      <AckControls findingId={f.id} ack={f} label={`the ${DETECTOR_LABELS[f.detector]} finding`} />
      <dl className="finding-figures">
        <div>
          <dt>Observed</dt>
          <dd>{formatRps(f.observed)}</dd>
        </div>
        <div>
          <dt>{expectedLabel(f.detector)}</dt>
          <dd>
            {formatRps(f.expected)}
            {f.band ? <span className="cell-sub">normal {formatRps(f.band[0])} – {formatRps(f.band[1])}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Deviation</dt>
          <dd>{describeDeviation(f)}</dd>
        </div>
      </dl>
      <div>
        <p className="fact-label">Notified</p>
        <FindingNotifications finding={f} />
      </div>
    </article>
  );
}
