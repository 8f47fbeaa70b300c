import type { ImportResult } from "@/lib/import/run";
import { describeWhere } from "@/lib/import/types";

const FIELD_LABELS: Record<string, string> = { app: "New app", name: "Name", team: "Team", owner: "Owner", backup: "Backup" };
const shown = (v: string | null) => v ?? "none";

/** What a dry run (or an applied import) says: the errors to fix, then the changes. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { errors, changes } = result;
  return (
    <div className="stack" aria-live="polite">
      <p role="status">
        {result.dryRun
          ? `Preview (${result.format}): ${changes.length} change${changes.length === 1 ? "" : "s"}, ${errors.length} error${errors.length === 1 ? "" : "s"}${result.ignored ? `, ${result.ignored} other entities ignored` : ""}.`
          : `Applied ${result.applied} change${result.applied === 1 ? "" : "s"}.`}
        {result.dryRun && errors.length > 0 ? " Fix the errors to apply: nothing is applied while there are any." : null}
      </p>
      {errors.length > 0 ? (
        <section aria-labelledby="import-errors-heading">
          <h3 id="import-errors-heading" className="section-subhead">Errors</h3>
          <ul className="banner banner-danger">
            {errors.map((e, i) => (
              <li key={i}>
                {describeWhere(e)}, {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>Changes</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">App</th>
                <th scope="col">What</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c, i) => (
                <tr key={i}>
                  <td>{describeWhere(c)}</td>
                  <th scope="row">{c.appId}</th>
                  <td>{FIELD_LABELS[c.field] ?? c.field}</td>
                  <td className="change-before">{c.field === "app" ? "—" : shown(c.before)}</td>
                  <td className="change-after">{c.field === "app" ? "registered" : shown(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
