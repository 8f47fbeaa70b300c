"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import type { Manager } from "@/lib/admin/people-access";
import { ROLES, type Role } from "@/lib/auth/roles";
import { useCreatePerson, useTeams } from "@/lib/client/use-people";
import type { Team } from "@/lib/client/types";

/** Add a person: admins any role and team; leads engineers of their own team. */
export function AddPersonForm({ manager, teams: initialTeams }: { manager: Manager; teams: Team[] }) {
  const teams = useTeams(initialTeams).data;
  const create = useCreatePerson();
  const toast = useToast();
  const isAdmin = manager.role === "admin";
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("engineer");
  const [team, setTeam] = useState(isAdmin ? "" : (manager.team ?? ""));
  const [password, setPassword] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), name: name.trim(), role, password, ...(team ? { team } : {}) },
      {
        onSuccess: (user) => {
          toast.success(`${user.email} can now sign in`);
          setEmail("");
          setName("");
          setPassword("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">Add a person</h2>
      <form className="inline-form" onSubmit={onSubmit} aria-label="Add a person">
        <Field label="Email" error={fieldError(create.error, "email")}>
          <input name="email" type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Name" error={fieldError(create.error, "name")}>
          <input name="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Role" error={fieldError(create.error, "role")}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={!isAdmin}>
            {(isAdmin ? ROLES : (["engineer"] as const)).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Team" error={fieldError(create.error, "team")}>
          <select name="team" value={team} onChange={(e) => setTeam(e.target.value)} disabled={!isAdmin}>
            {isAdmin ? <option value="">No team</option> : null}
            {teams.filter((t) => isAdmin || t.slug === manager.team).map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Initial password" hint="At least 10 characters; tell them to change it." error={fieldError(create.error, "password")}>
          <input name="password" type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add person"}
        </button>
      </form>
      <FormError error={create.error} />
    </section>
  );
}
