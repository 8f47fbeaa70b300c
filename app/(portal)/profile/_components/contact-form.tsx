"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import type { Me } from "@/lib/client/types";
import { useUpdateMe } from "@/lib/client/use-update-me";

export function ContactForm({ me }: { me: Me }) {
  const update = useUpdateMe();
  const toast = useToast();
  const [notifyEmail, setNotifyEmail] = useState(me.notifyEmail ?? "");
  const [notifyWebhook, setNotifyWebhook] = useState(me.notifyWebhook ?? "");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      { notifyEmail: notifyEmail.trim() || null, notifyWebhook: notifyWebhook.trim() || null },
      { onSuccess: () => toast.success("Notification contact saved.") },
    );
  }

  return (
    <section className="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Notification contact</h2>
      <p className="muted">
        Where we reach you when you are the responder. Signed in as <strong>{me.name}</strong> ({me.email}
        {me.team ? `, ${me.team}` : ""}, {me.role}).
      </p>
      <form className="stack" onSubmit={onSubmit} aria-label="Notification contact" noValidate>
        <Field label="Notification email" hint={`Leave empty to use ${me.email}.`} error={fieldError(update.error, "notifyEmail")}>
          <input type="email" name="notifyEmail" value={notifyEmail} onChange={(e) => setNotifyEmail(e.target.value)} />
        </Field>
        <Field label="Webhook URL" hint="We POST a JSON message here, e.g. a chat incoming webhook." error={fieldError(update.error, "notifyWebhook")}>
          <input type="url" name="notifyWebhook" placeholder="https://" value={notifyWebhook} onChange={(e) => setNotifyWebhook(e.target.value)} />
        </Field>
        <FormError error={update.error} />
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save contact"}
        </button>
      </form>
    </section>
  );
}
