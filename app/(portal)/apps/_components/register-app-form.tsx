"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useCurrentUser } from "@/components/current-user";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { useRegisterApp } from "@/lib/client/use-register-app";
import { useTeams } from "@/lib/client/use-teams";

/** Leads register apps for their team, admins for any team; engineers do not see this. */
export function RegisterAppForm() {
  const me = useCurrentUser();
  const teams = useTeams();
  const register = useRegisterApp();
  const toast = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);

  if (me.role === "engineer") return null;
  const teamOptions = (teams.data ?? []).filter((team) => me.role === "admin" || team.slug === me.team);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description") ?? "").trim();
    register.mutate(
      {
        appId: String(form.get("appId") ?? "").trim(),
        name: String(form.get("name") ?? "").trim(),
        team: String(form.get("team") ?? ""),
        ...(description ? { description } : {}),
      },
      {
        onSuccess: (app) => {
          toast.success(`${app.appId} is registered.`);
          router.push(`/apps/${encodeURIComponent(app.appId)}`);
        },
      },
    );
  }

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Register an app
      </button>
    );
  }

  return (
    <section className="card register-card" aria-labelledby="register-heading">
      <h2 id="register-heading">Register an app</h2>
      <form className="stack" onSubmit={onSubmit} aria-label="Register an app">
        <div className="field-row">
          <Field label="App id" hint="Lower-case letters, digits and dashes, e.g. checkout-api." error={fieldError(register.error, "appId")}>
            <input name="appId" required pattern="[a-z0-9][a-z0-9-]*" autoComplete="off" />
          </Field>
          <Field label="Name" error={fieldError(register.error, "name")}>
            <input name="name" required />
          </Field>
          <Field label="Owning team" error={fieldError(register.error, "team")}>
            <select name="team" required defaultValue={me.role === "admin" ? "" : (me.team ?? "")}>
              <option value="" disabled>
                Choose a team
              </option>
              {teamOptions.map((team) => (
                <option key={team.slug} value={team.slug}>
                  {team.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Description (optional)" error={fieldError(register.error, "description")}>
          <textarea name="description" rows={2} />
        </Field>
        <FormError error={register.error} />
        <div className="row-actions">
          <button type="submit" className="button" disabled={register.isPending}>
            {register.isPending ? "Registering…" : "Register"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
