"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useCurrentUser } from "@/components/current-user";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import { useRegisterApp } from "@/lib/client/use-register-app";
import { useTeams } from "@/lib/client/use-teams";
import { appCreateSchema } from "@/lib/validation/ownership";
import { fieldErrors } from "@/lib/validation/field-errors";

/** Leads register apps for their team, admins for any team; engineers do not see this. */
export function RegisterAppForm() {
  const me = useCurrentUser();
  const teams = useTeams();
  const register = useRegisterApp();
  const toast = useToast();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The same schema the route handler uses, so most mistakes are caught before a round trip.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const fieldMessage = (field: string) => localErrors[field] ?? fieldError(register.error, field);

  if (me.role === "engineer") return null;
  const teamOptions = (teams.data ?? []).filter((team) => me.role === "admin" || team.slug === me.team);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description") ?? "").trim();
    const parsed = appCreateSchema.safeParse({
      appId: String(form.get("appId") ?? ""),
      name: String(form.get("name") ?? ""),
      team: String(form.get("team") ?? ""),
      ...(description ? { description } : {}),
    });
    if (!parsed.success) {
      setLocalErrors(fieldErrors(parsed.error.issues, { key: "top", root: "form" }));
      return;
    }
    setLocalErrors({});
    register.mutate(parsed.data, {
      onSuccess: (app) => {
        dialogRef.current?.close();
        toast.success(`${app.appId} is registered.`);
        router.push(`/apps/${encodeURIComponent(app.appId)}`);
      },
    });
  }

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          register.reset();
          setLocalErrors({});
          dialogRef.current?.showModal();
        }}
      >
        Register an app
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="register-heading">
        <h2 id="register-heading">Register an app</h2>
        <form className="stack" onSubmit={onSubmit} aria-label="Register an app" noValidate>
          <Field label="App id" hint="Lower-case letters, digits and dashes, e.g. checkout-api." error={fieldMessage("appId")}>
            <input name="appId" required autoComplete="off" />
          </Field>
          <Field label="Name" error={fieldMessage("name")}>
            <input name="name" required />
          </Field>
          <Field label="Owning team" error={fieldMessage("team")}>
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
          <Field label="Description (optional)" error={fieldMessage("description")}>
            <textarea name="description" rows={2} />
          </Field>
          <FormError error={register.error} />
          <div className="row-actions">
            <button type="submit" className="button" disabled={register.isPending}>
              {register.isPending ? "Registering…" : "Register"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
