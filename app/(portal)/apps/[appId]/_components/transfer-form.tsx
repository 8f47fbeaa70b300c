"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { UserEmailInput } from "@/components/user-email-input";
import { useTransferApp } from "@/lib/client/use-transfer-app";
import type { AppDetail } from "@/lib/client/types";

export function TransferForm({ app }: { app: AppDetail }) {
  const transfer = useTransferApp(app.appId);
  const toast = useToast();
  const [toEmail, setToEmail] = useState("");
  const [reason, setReason] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    transfer.mutate(
      { toEmail: toEmail.trim(), reason: reason.trim() },
      {
        onSuccess: (updated) => {
          setToEmail("");
          setReason("");
          toast.success(`${app.appId} now belongs to ${updated.owner?.name ?? toEmail}.`);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Transfer ownership</h2>
      {app.permissions.canTransfer ? null : (
        <p className="hint">Only the owner, the team&apos;s lead or an admin can transfer this app.</p>
      )}
      <form className="stack" onSubmit={onSubmit} aria-label="Transfer ownership">
        <Field label="New owner email" error={fieldError(transfer.error, "toEmail")}>
          <UserEmailInput name="toEmail" required placeholder="name@example.com" value={toEmail} onChange={(e) => setToEmail(e.target.value)} />
        </Field>
        <Field label="Reason" hint="Recorded in the audit history." error={fieldError(transfer.error, "reason")}>
          <textarea name="reason" required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormError error={transfer.error} />
        <button type="submit" className="button" disabled={transfer.isPending || toEmail.trim() === "" || reason.trim() === ""}>
          {transfer.isPending ? "Transferring…" : "Transfer"}
        </button>
      </form>
    </section>
  );
}
