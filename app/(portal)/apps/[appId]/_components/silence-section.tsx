"use client";

import { useState, type FormEvent } from "react";
import { QueryBoundary } from "@/components/query-boundary";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { TableSkeleton } from "@/components/skeleton";
import { useToast } from "@/components/toast";
import { formatDateTime } from "@/lib/client/format";
import { useSilenceActions, useSilences } from "@/lib/client/use-silences";

const QUICK = [
  { label: "Silence for 30 min", ms: 30 * 60_000 },
  { label: "Silence for 2 h", ms: 2 * 3_600_000 },
] as const;

/** Silence an app for a while: its findings still open, are shown as silenced and page nobody; its Grafana rule is paused. */
export function SilenceSection({ appId }: { appId: string }) {
  const silences = useSilences(appId);
  const actions = useSilenceActions(appId);
  const toast = useToast();
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const create = (untilIso: string) =>
    actions.create.mutate(
      { until: untilIso, reason },
      {
        onSuccess: (r) => {
          toast.success(`${appId} is silenced until ${formatDateTime(r.silence.until)}`);
          setReason("");
          setUntil("");
        },
      },
    );
  const submitUntil = (e: FormEvent) => {
    e.preventDefault();
    const t = Date.parse(until);
    create(Number.isFinite(t) ? new Date(t).toISOString() : until);
  };
  const current = (silences.data ?? []).filter((s) => s.state !== "over");

  return (
    <section className="card" aria-labelledby="silence-heading">
      <h2 id="silence-heading">Silence</h2>
      <p className="muted">During a silence, new findings of {appId} still open and are shown as silenced, but page nobody; its Grafana rule is paused and resumes afterwards.</p>
      <QueryBoundary query={silences} loading={<TableSkeleton label="Loading silences" rows={1} columns={2} />} errorTitle="Silences could not be loaded">
        {(data) => current.length > 0 ? (
        <ul aria-label={`Silences of ${appId}`}>
          {current.map((s) => (
            <li key={s.id}>
              <span className="badge badge-neutral">{s.state === "active" ? "Silenced" : "Upcoming"}</span> {formatDateTime(s.from)} → {formatDateTime(s.until)} by{" "}
              {s.createdBy?.name ?? "someone"}: “{s.reason}”{" "}
              <button type="button" className="button button-small button-secondary" disabled={actions.end.isPending} onClick={() => actions.end.mutate(s.id, { onSuccess: () => toast.success("Silence ended") })}>
                End now
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>Not silenced.</p>
      )}
      </QueryBoundary>
      <FormError error={actions.end.error} />
      <form className="stack" onSubmit={submitUntil} aria-label="Silence the app">
        <Field label="Reason" error={fieldError(actions.create.error, "reason")}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. planned migration" />
        </Field>
        <div className="button-row">
          {QUICK.map((q) => (
            <button key={q.label} type="button" className="button button-secondary" disabled={actions.create.isPending} onClick={() => create(new Date(Date.now() + q.ms).toISOString())}>
              {q.label}
            </button>
          ))}
        </div>
        <Field label="Or until" error={fieldError(actions.create.error, "until")}>
          <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={actions.create.isPending || until === ""}>
          Silence until then
        </button>
        {fieldError(actions.create.error, "reason") || fieldError(actions.create.error, "until") ? null : <FormError error={actions.create.error} />}
      </form>
    </section>
  );
}
