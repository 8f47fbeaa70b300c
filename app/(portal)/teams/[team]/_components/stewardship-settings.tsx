"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useCurrentUser } from "@/components/current-user";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { useSaveStewardshipSettings, useStewardshipSettings } from "@/lib/client/use-stewardship";

/**
 * How often the team's owners confirm "still mine": a form for the team's lead or an admin, the
 * setting read-only (as the page was rendered) for everyone else.
 */
export function StewardshipSettingsSection({ team, confirmEveryDays }: { team: string; confirmEveryDays: number }) {
  const me = useCurrentUser();
  const mayEdit = me.role === "admin" || (me.role === "lead" && me.team === team);
  const settings = useStewardshipSettings(team, mayEdit);
  const save = useSaveStewardshipSettings(team);
  const toast = useToast();
  const [days, setDays] = useState("");
  useEffect(() => {
    if (settings.data) setDays(String(settings.data.confirmEveryDays));
  }, [settings.data]);
  if (!mayEdit) {
    return (
      <section className="card" aria-labelledby="stewardship-settings-heading">
        <h2 id="stewardship-settings-heading">Stewardship</h2>
        <p>
          Owners confirm each app is still theirs every <strong>{confirmEveryDays} days</strong>; after that the app is stale and its owner is
          reminded daily. The team&apos;s lead or an admin sets this.
        </p>
      </section>
    );
  }
  if (!settings.data) return null;
  const error = fieldError(save.error, "confirmEveryDays");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ confirmEveryDays: Number(days) }, { onSuccess: () => toast.success("Confirmation interval saved") });
  };
  return (
    <section className="card" aria-labelledby="stewardship-settings-heading">
      <h2 id="stewardship-settings-heading">Stewardship</h2>
      <p className="muted">Owners confirm each app is still theirs (“Still mine”) this often; after that the app is stale and its owner is reminded daily.</p>
      {/* noValidate: the server's answer names a bad value in the form (the browser's bubble is not read out everywhere) */}
      <form onSubmit={submit} aria-label="Stewardship settings" className="stack-sm" noValidate>
        <div className="field field-inline">
          <label htmlFor="confirm-every">Confirm every (days)</label>
          <input
            id="confirm-every" type="number" min={7} max={365} value={days} onChange={(e) => setDays(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? "confirm-every-error" : undefined}
          />
        </div>
        {error ? <p id="confirm-every-error" className="field-error">{error}</p> : null}
        <FormError error={save.error} />
        <button type="submit" className="button" disabled={save.isPending}>
          Save interval
        </button>
      </form>
    </section>
  );
}
