"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { useReleaseApp } from "@/lib/client/use-release-app";
import type { AppDetail } from "@/lib/client/types";

export function ReleaseForm({ app }: { app: AppDetail }) {
  const release = useReleaseApp(app.appId);
  const toast = useToast();
  const [reason, setReason] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    release.mutate(trimmed ? { reason: trimmed } : {}, {
      onSuccess: () => {
        setReason("");
        toast.success(`${app.appId} has no owner now.`);
      },
    });
  }

  return (
    <section className="card" aria-labelledby="release-heading">
      <h2 id="release-heading">Release ownership</h2>
      <p className="muted">Nobody will be paged for {app.appId} until someone claims it.</p>
      {app.permissions.canRelease ? null : (
        <p className="hint">Only the owner, the team&apos;s lead or an admin can release this app.</p>
      )}
      <form className="stack" onSubmit={onSubmit} aria-label="Release ownership">
        <Field label="Reason (optional)" error={fieldError(release.error, "reason")}>
          <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormError error={release.error} />
        <button type="submit" className="button button-danger" disabled={release.isPending}>
          {release.isPending ? "Releasing…" : "Release"}
        </button>
      </form>
    </section>
  );
}
