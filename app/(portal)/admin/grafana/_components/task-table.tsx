import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { OutboxTaskView } from "@/lib/client/grafana/types";

const KIND_LABEL: Record<string, string> = { "grafana.app": "App rule", "grafana.contact": "Contact point" };

export function TaskTable({ tasks, caption, empty }: { tasks: OutboxTaskView[]; caption: string; empty: string }) {
  if (tasks.length === 0) return <EmptyState title={empty} />;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col" className="num">Attempts</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={`${t.kind}:${t.subject}`}>
              <td>{KIND_LABEL[t.kind] ?? t.kind}{t.status === "running" ? <span className="badge badge-accent">running</span> : null}</td>
              <th scope="row">
                {t.kind === "grafana.app" ? <Link href={`/apps/${encodeURIComponent(t.subject)}`}>{t.subject}</Link> : t.subject}
              </th>
              <td className="num">{t.attempts}</td>
              <td title={formatDateTime(t.nextAttemptAt)}>{formatRelative(t.nextAttemptAt)}</td>
              <td>{t.lastError ? <code>{t.lastError}</code> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
