import { formatDateTime, formatRelative } from "@/lib/client/format";
import { describeNotification } from "@/lib/client/findings/format";
import type { Finding } from "@/lib/client/findings/types";

/** Who was told about a finding, over which channel, and whether it arrived. */
export function FindingNotifications({ finding }: { finding: Finding }) {
  const label = `Notifications for the ${finding.detector} finding`;
  if (finding.notifications.length === 0) {
    return (
      <p className="finding-notices-none muted">
        {finding.severity === "info"
          ? "Nobody is paged for info findings; they are shown here only."
          : "Nobody was notified: the responder at the time had no webhook, and no email could be sent."}
      </p>
    );
  }
  return (
    <ul className="finding-notices" aria-label={label}>
      {finding.notifications.map((n) => {
        const d = describeNotification(n);
        return (
          <li key={`${n.event}-${n.step}-${n.channel}-${n.recipient}`}>
            <span className={`badge ${d.tone}`}>{d.outcome}</span> <span>{d.what}, to {n.recipient}</span>
            {n.sentAt ? (
              <time dateTime={n.sentAt} title={formatDateTime(n.sentAt)} className="muted">
                {" "}
                · {formatRelative(n.sentAt)}
              </time>
            ) : null}
            {n.lastError && n.status !== "sent" ? <span className="cell-sub">{n.lastError}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
