"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { isApiError } from "@/lib/client/api";
import { checkDryRun, checkUpdate, formFromThresholds, type FieldErrors, type ThresholdFormValues } from "@/lib/client/thresholds/form";
import type { DryRunResult as Result, Thresholds } from "@/lib/client/thresholds/types";
import { useDryRun } from "@/lib/client/thresholds/use-dry-run";
import { useSaveThresholds } from "@/lib/client/thresholds/use-save-thresholds";
import { SEVERITIES } from "@/lib/domain/enums";
import { DryRunResult } from "./dry-run-result";

interface Props {
  appId: string;
  current: Thresholds | null;
  canEdit: boolean;
  onDraftChange: (values: ThresholdFormValues) => void;
  onDryRun: (result: Result | null) => void;
  onReload: () => void;
}

/** Mounted per version (keyed by it), so a save or rollback starts the form afresh from the new version. */
export function ThresholdForm({ appId, current, canEdit, onDraftChange, onDryRun, onReload }: Props) {
  const save = useSaveThresholds(appId);
  const dryRun = useDryRun(appId);
  const [values, setValues] = useState<ThresholdFormValues>(() => formFromThresholds(current));
  const [errors, setErrors] = useState<FieldErrors>({});

  function set<K extends keyof ThresholdFormValues>(key: K, value: ThresholdFormValues[K]) {
    const next = { ...values, [key]: value };
    setValues(next);
    setErrors((e) => ({ ...e, [key]: undefined }));
    onDraftChange(next);
  }

  // Client-side errors first (same schema as the server), then whatever the server said.
  const errorOf = (field: keyof ThresholdFormValues) => errors[field] ?? fieldError(save.error, field) ?? fieldError(dryRun.error, field);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkUpdate(values, current?.version ?? 0);
    if (!checked.ok) return setErrors(checked.errors);
    save.mutate(checked.input);
  }

  function runDryRun() {
    const checked = checkDryRun(values);
    if (!checked.ok) return setErrors(checked.errors);
    dryRun.mutate(checked.input, { onSuccess: onDryRun, onError: () => onDryRun(null) });
  }

  const disabled = !canEdit || save.isPending;
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Traffic thresholds" noValidate>
      <div className="field-row">
        <Field label="Floor (req/s)" hint="Below this the app counts as down or starving." error={errorOf("floorRps")}>
          <input name="floorRps" inputMode="decimal" required disabled={disabled} value={values.floorRps} onChange={(e) => set("floorRps", e.target.value)} />
        </Field>
        <Field label="Ceiling (req/s, optional)" error={errorOf("ceilingRps")}>
          <input name="ceilingRps" inputMode="decimal" disabled={disabled} value={values.ceilingRps} onChange={(e) => set("ceilingRps", e.target.value)} />
        </Field>
        <Field label="Max drop vs last week (%, optional)" error={errorOf("maxWeeklyDropPercent")}>
          <input name="maxWeeklyDropPercent" inputMode="decimal" disabled={disabled} value={values.maxWeeklyDropPercent} onChange={(e) => set("maxWeeklyDropPercent", e.target.value)} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Alert after" hint="How long a breach must last (Prometheus for), e.g. 5m or 1h30m." error={errorOf("for")}>
          <input name="for" required disabled={disabled} value={values.for} onChange={(e) => set("for", e.target.value)} />
        </Field>
        <Field label="Severity" error={errorOf("severity")}>
          <select name="severity" disabled={disabled} value={values.severity} onChange={(e) => set("severity", e.target.value as ThresholdFormValues["severity"])}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Alerting" error={errorOf("enabled")}>
          <select name="enabled" disabled={disabled} value={values.enabled ? "on" : "paused"} onChange={(e) => set("enabled", e.target.value === "on")}>
            <option value="on">On</option>
            <option value="paused">Paused</option>
          </select>
        </Field>
      </div>
      {canEdit ? (
        <Field label="Reason for the change" hint="Recorded with the new version." error={errorOf("reason")}>
          <textarea name="reason" required rows={2} disabled={save.isPending} value={values.reason} onChange={(e) => set("reason", e.target.value)} />
        </Field>
      ) : null}
      <FormError error={save.error} />
      {isApiError(save.error, 409) ? (
        <button type="button" className="button button-secondary button-small" onClick={onReload}>
          Load the latest version
        </button>
      ) : null}
      <FormError error={dryRun.error} />
      <div className="row-actions">
        {canEdit ? (
          <button type="submit" className="button" disabled={disabled}>
            {save.isPending ? "Saving…" : "Save thresholds"}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" disabled={dryRun.isPending} onClick={runDryRun}>
          {dryRun.isPending ? "Running…" : "Dry run"}
        </button>
      </div>
      {dryRun.data && !dryRun.isPending ? <DryRunResult result={dryRun.data} /> : null}
    </form>
  );
}
