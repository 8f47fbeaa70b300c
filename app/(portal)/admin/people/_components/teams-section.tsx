"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import type { Team } from "@/lib/client/types";
import { useCreateTeam, useRenameTeam, useTeams } from "@/lib/client/use-people";

/** Teams (admins): create one, rename one (the slug stays). */
export function TeamsSection({ initialTeams }: { initialTeams: Team[] }) {
  const teams = useTeams(initialTeams);
  const create = useCreateTeam();
  const toast = useToast();
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ slug: slug.trim(), name: name.trim() }, {
      onSuccess: (team) => {
        toast.success(`Team ${team.name} created`);
        setSlug("");
        setName("");
      },
    });
  }

  return (
    <section className="card" aria-labelledby="teams-heading">
      <h2 id="teams-heading">Teams</h2>
      <ul className="stack-sm">
        {teams.data.map((t) => (
          <TeamRow key={t.slug} team={t} />
        ))}
      </ul>
      <h3 className="section-subhead">Create a team</h3>
      <form className="inline-form" onSubmit={onCreate} aria-label="Create a team">
        <Field label="Slug" hint="Lowercase letters, digits and dashes; it cannot change later." error={fieldError(create.error, "slug")}>
          <input name="slug" required maxLength={41} value={slug} onChange={(e) => setSlug(e.target.value)} />
        </Field>
        <Field label="Team name" error={fieldError(create.error, "name")}>
          <input name="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={create.isPending}>
          Create team
        </button>
      </form>
      <FormError error={create.error} />
    </section>
  );
}

function TeamRow({ team }: { team: Team }) {
  const rename = useRenameTeam();
  const toast = useToast();
  const [name, setName] = useState(team.name);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    rename.mutate({ slug: team.slug, name: name.trim() }, { onSuccess: (t) => toast.success(`Team ${t.slug} is now called ${t.name}`) });
  };
  return (
    <li>
      <form className="inline-form" onSubmit={onSubmit} aria-label={`Rename ${team.slug}`}>
        <code>{team.slug}</code>
        <input aria-label={`Name of ${team.slug}`} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-small button-secondary" disabled={rename.isPending || name.trim() === team.name}>
          Rename
        </button>
        {fieldError(rename.error, "name") ? <span className="field-error">{fieldError(rename.error, "name")}</span> : null}
      </form>
    </li>
  );
}
