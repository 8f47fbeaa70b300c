import Link from "next/link";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { AppDriftView } from "@/lib/client/grafana/types";

const KIND_LABEL = { missing: "Missing in Grafana", unexpected: "Only in Grafana", changed: "Changed in Grafana" } as const;
const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

export function DriftTable({ drift }: { drift: AppDriftView[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Apps whose Grafana rule differs from the portal</caption>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Difference</th>
            <th scope="col">Fields (portal → Grafana)</th>
            <th scope="col">Detected</th>
          </tr>
        </thead>
        <tbody>
          {drift.map((d) => (
            <tr key={d.appId}>
              <th scope="row">
                <Link href={`/apps/${encodeURIComponent(d.appId)}`}>{d.appId}</Link>
              </th>
              <td>
                <span className="badge badge-warning">{KIND_LABEL[d.diff.kind]}</span>
              </td>
              <td>
                {d.diff.changes.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul>
                    {d.diff.changes.map((c) => (
                      <li key={c.path}>
                        <code>{c.path}</code>: {show(c.intended)} → {show(c.live)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td title={formatDateTime(d.detectedAt)}>{formatRelative(d.detectedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
