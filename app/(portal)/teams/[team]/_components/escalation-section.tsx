"use client";

import { useState, type FormEvent } from "react";
import { QueryBoundary } from "@/components/query-boundary";
import { FormError, fieldError } from "@/components/form-error";
import { TableSkeleton } from "@/components/skeleton";
import { useEscalation, useSaveEscalation } from "@/lib/client/use-escalation";
import type { EscalationView } from "@/lib/notify/escalation-store";
import { ESCALATION_TARGETS, MAX_REPEAT, MAX_STEPS, type EscalationStep } from "@/lib/notify/escalation-policy";

const TARGET_LABELS: Record<EscalationStep["notify"], string> = { backup: "the app's backup", lead: "the team's leads", admins: "the admins" };

/** The team's escalation policy: who hears when a critical finding stays unacknowledged. */
export function EscalationSection({ team }: { team: string }) {
  const policy = useEscalation(team);
  return (
    <QueryBoundary query={policy} loading={<TableSkeleton label="Loading the escalation policy" rows={2} columns={2} />} errorTitle="The escalation policy could not be loaded">
      {(data) => <PolicyEditor key={JSON.stringify(data)} team={team} policy={data} />}
    </QueryBoundary>
  );
}

/** Keyed by the stored policy: a save or another editor's change starts the form afresh from it. */
function PolicyEditor({ team, policy }: { team: string; policy: EscalationView }) {
  const save = useSaveEscalation(team);
  const [steps, setSteps] = useState<EscalationStep[]>(policy.steps);
  const [repeat, setRepeat] = useState(policy.repeat);

  const editable = policy.canEdit;
  const setStep = (i: number, patch: Partial<EscalationStep>) => setSteps(steps.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ steps, repeat });
  };

  return (
    <section className="card" aria-labelledby="escalation-heading">
      <h2 id="escalation-heading">Escalation</h2>
      <p className="muted">
        When a critical finding of one of the team&apos;s apps is not acknowledged, these people are paged in turn, counted from when it
        opened. {policy.isDefault ? "This is the default policy." : null}
      </p>
      <form onSubmit={submit} aria-label="Escalation policy">
        <ol className="escalation-steps">
          {steps.map((s, i) => {
            const afterError = fieldError(save.error, `steps.${i}.after`);
            return (
              <li key={i}>
                <label>
                  After{" "}
                  <input
                    value={s.after}
                    onChange={(e) => setStep(i, { after: e.target.value })}
                    disabled={!editable}
                    size={5}
                    aria-label={`Step ${i + 1}: after`}
                    aria-invalid={afterError ? true : undefined}
                  />
                </label>{" "}
                <label>
                  page{" "}
                  <select value={s.notify} onChange={(e) => setStep(i, { notify: e.target.value as EscalationStep["notify"] })} disabled={!editable} aria-label={`Step ${i + 1}: page`}>
                    {ESCALATION_TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {TARGET_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </label>
                {editable && steps.length > 1 ? (
                  <button type="button" className="button button-small button-secondary" onClick={() => setSteps(steps.filter((_, k) => k !== i))}>
                    Remove step {i + 1}
                  </button>
                ) : null}
                {afterError ? <p className="field-error">{afterError}</p> : null}
              </li>
            );
          })}
        </ol>
        {editable ? (
          <div className="button-row">
            <button type="button" className="button button-small button-secondary" disabled={steps.length >= MAX_STEPS} onClick={() => setSteps([...steps, { after: "30m", notify: "admins" }])}>
              Add a step
            </button>
            <label>
              Repeat{" "}
              <select value={repeat} onChange={(e) => setRepeat(Number(e.target.value))} aria-label="Repeat">
                {Array.from({ length: MAX_REPEAT + 1 }, (_, n) => (
                  <option key={n} value={n}>
                    {n === 0 ? "no repeat" : `${n} more time${n === 1 ? "" : "s"}`}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={save.isPending}>
              Save policy
            </button>
          </div>
        ) : (
          <p className="muted">Only a lead of this team or an admin can change it.</p>
        )}
        <FormError error={save.error} />
      </form>
    </section>
  );
}
