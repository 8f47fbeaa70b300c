"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { FindingAck } from "@/lib/client/findings/types";
import { useFindingActions } from "@/lib/client/findings/use-finding-actions";

/** Who is on an open finding, and the buttons to acknowledge, take it back or resolve it by hand. */
export function AckControls({ findingId, ack, label }: { findingId: string; ack: FindingAck; label: string }) {
  const actions = useFindingActions(findingId);
  const toast = useToast();
  const [form, setForm] = useState<"unack" | "resolve" | null>(null);
  const [reason, setReason] = useState("");
  const pending = actions.acknowledge.isPending || actions.unacknowledge.isPending || actions.resolve.isPending;
  const mutation = form === "unack" ? actions.unacknowledge : actions.resolve;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(reason, {
      onSuccess: () => {
        toast.success(form === "unack" ? "Acknowledgement taken back" : "Resolved by hand");
        setForm(null);
        setReason("");
      },
    });
  };

  return (
    <div className="ack" aria-label={`Acknowledgement of ${label}`} role="group">
      <p className="ack-state">
        {ack.acknowledgedAt && ack.acknowledgedBy ? (
          <>
            <span className="badge badge-success">Acknowledged</span> by {ack.acknowledgedBy.name}{" "}
            <time dateTime={ack.acknowledgedAt} title={formatDateTime(ack.acknowledgedAt)}>
              {formatRelative(ack.acknowledgedAt)}
            </time>
          </>
        ) : (
          <span className="badge badge-warning">Not acknowledged</span>
        )}
        {ack.silenced ? <span className="badge badge-neutral">Silenced: paged nobody</span> : null}
        {ack.coveredBy ? <span className="badge badge-neutral">Covered by a traffic-source outage: paged nobody</span> : null}
      </p>
      <div className="button-row">
        {!ack.acknowledgedAt ? (
          <button
            type="button"
            className="button button-small"
            disabled={pending}
            onClick={() => actions.acknowledge.mutate(undefined, { onSuccess: () => toast.success("Acknowledged: escalation stops") })}
          >
            Acknowledge
          </button>
        ) : (
          <button type="button" className="button button-small button-secondary" disabled={pending} onClick={() => setForm("unack")}>
            Take back…
          </button>
        )}
        <button type="button" className="button button-small button-secondary" disabled={pending} onClick={() => setForm("resolve")}>
          Resolve by hand…
        </button>
      </div>
      <FormError error={actions.acknowledge.error} />
      {form ? (
        <form className="inline-form" onSubmit={submit} aria-label={form === "unack" ? "Take back the acknowledgement" : "Resolve by hand"}>
          <Field label="Reason" error={fieldError(mutation.error, "reason")}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          </Field>
          <button type="submit" className="button button-small" disabled={pending}>
            {form === "unack" ? "Take back" : "Resolve"}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setForm(null)}>
            Cancel
          </button>
          {fieldError(mutation.error, "reason") ? null : <FormError error={mutation.error} />}
        </form>
      ) : null}
    </div>
  );
}
