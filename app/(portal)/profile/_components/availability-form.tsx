"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from "@/lib/client/format";
import type { Me } from "@/lib/client/types";
import { useSetAvailability } from "@/lib/client/use-set-availability";

function statusText(me: Me): { tone: "away" | "planned" | "available"; text: string } {
  if (me.away) return { tone: "away", text: `You are away${me.awayUntil ? ` until ${formatDateTime(me.awayUntil)}` : ""}.` };
  if (me.awayUntil && new Date(me.awayUntil).getTime() > Date.now()) {
    return {
      tone: "planned",
      text: `You are available. Away planned from ${formatDateTime(me.awayFrom)} until ${formatDateTime(me.awayUntil)}.`,
    };
  }
  return { tone: "available", text: "You are available." };
}

export function AvailabilityForm({ me }: { me: Me }) {
  const setAvailability = useSetAvailability();
  const toast = useToast();
  const [awayFrom, setAwayFrom] = useState(toDateTimeLocal(me.awayFrom));
  const [awayUntil, setAwayUntil] = useState(toDateTimeLocal(me.awayUntil));
  const status = statusText(me);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAvailability.mutate(
      { awayFrom: fromDateTimeLocal(awayFrom), awayUntil: fromDateTimeLocal(awayUntil) },
      { onSuccess: (user) => toast.success(user.away ? "You are marked as away." : "Your away time is saved.") },
    );
  }

  function markBack() {
    setAvailability.mutate(
      { awayFrom: null, awayUntil: null },
      {
        onSuccess: () => {
          setAwayFrom("");
          setAwayUntil("");
          toast.success("Welcome back — you are available again.");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="availability-heading">
      <h2 id="availability-heading">Availability</h2>
      <p className={`status-line status-${status.tone}`} role="status" aria-live="polite">
        {status.text}
      </p>
      <form className="stack" onSubmit={onSubmit} aria-label="Mark me away">
        <div className="field-row">
          <Field label="Away from" hint="Leave empty to start now." error={fieldError(setAvailability.error, "awayFrom")}>
            <input type="datetime-local" name="awayFrom" value={awayFrom} onChange={(e) => setAwayFrom(e.target.value)} />
          </Field>
          <Field label="Away until" error={fieldError(setAvailability.error, "awayUntil")}>
            <input type="datetime-local" name="awayUntil" required value={awayUntil} onChange={(e) => setAwayUntil(e.target.value)} />
          </Field>
        </div>
        <FormError error={setAvailability.error} />
        <div className="row-actions">
          <button type="submit" className="button" disabled={setAvailability.isPending || awayUntil === ""}>
            {setAvailability.isPending ? "Saving…" : "Mark me away"}
          </button>
          {me.away || me.awayUntil ? (
            <button type="button" className="button button-secondary" onClick={markBack} disabled={setAvailability.isPending}>
              I&apos;m back
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
