"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { UserEmailInput } from "@/components/user-email-input";
import { useSetBackup } from "@/lib/client/use-set-backup";
import type { AppDetail } from "@/lib/client/types";

export function BackupForm({ app }: { app: AppDetail }) {
  const setBackup = useSetBackup(app.appId);
  const toast = useToast();
  const [email, setEmail] = useState("");

  function save(next: string | null) {
    setBackup.mutate(
      { email: next },
      {
        onSuccess: (updated) => {
          setEmail("");
          toast.success(updated.backup ? `${updated.backup.name} is now the backup for ${app.appId}.` : `${app.appId} has no backup now.`);
        },
      },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(email.trim());
  }

  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="muted">The backup gets paged while the owner is away.</p>
      {app.permissions.canChangeBackup ? null : (
        <p className="hint">Only the owner, the team&apos;s lead or an admin can change the backup.</p>
      )}
      <form className="stack" onSubmit={onSubmit} aria-label="Change backup">
        <Field label="Backup email" error={fieldError(setBackup.error, "email")}>
          <UserEmailInput
            name="email"
            required
            placeholder="name@example.com"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <FormError error={setBackup.error} />
        <div className="row-actions">
          <button type="submit" className="button" disabled={setBackup.isPending || email.trim() === ""}>
            {setBackup.isPending ? "Saving…" : "Save backup"}
          </button>
          {app.backup ? (
            <button type="button" className="button button-secondary" disabled={setBackup.isPending} onClick={() => save(null)}>
              Clear backup
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
