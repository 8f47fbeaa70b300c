"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useCreateToken } from "@/lib/client/use-create-token";
import { useMe } from "@/lib/client/use-me";
import { useTeams } from "@/lib/client/use-teams";
import type { CreatedApiToken, TokenScope } from "@/lib/client/types";
import { NewTokenNotice } from "./new-token-notice";

const KINDS: { value: "write" | "read" | "ingest"; label: string; hint: string }[] = [
  { value: "write", label: "Read and write", hint: "Acts as you: everything you may do in the portal." },
  { value: "read", label: "Read only", hint: "Can only read (GET) what you may see." },
  { value: "ingest", label: "Traffic ingest", hint: "Can only push traffic (POST /api/traffic); leads for their team, admins for any." },
];

export function CreateTokenForm() {
  const create = useCreateToken();
  const me = useMe();
  const teams = useTeams();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<TokenScope>("write");
  const [team, setTeam] = useState("");
  // The secret lives only in this component's state: it is never cached or shown again.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const isAdmin = me.data?.role === "admin";
  const teamChoices = isAdmin ? (teams.data ?? []) : (teams.data ?? []).filter((t) => t.slug === me.data?.team);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes: [kind], ...(kind === "ingest" ? { team: team || (isAdmin ? null : (me.data?.team ?? null)) } : {}) },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading">Create a token</h2>
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      <form className="inline-form" onSubmit={onSubmit} aria-label="Create a token">
        <Field label="Token name" hint="Say where it will be used, e.g. “deploy pipeline”." error={fieldError(create.error, "name")}>
          <input name="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Scope" hint={KINDS.find((k) => k.value === kind)?.hint} error={fieldError(create.error, "scopes")}>
          <select name="scope" value={kind} onChange={(e) => setKind(e.target.value as TokenScope)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        {kind === "ingest" ? (
          <Field label="Team" hint={isAdmin ? "Leave empty for every app." : "Your team's apps."} error={fieldError(create.error, "team")}>
            <select name="team" value={team} onChange={(e) => setTeam(e.target.value)}>
              {isAdmin ? <option value="">Every team</option> : null}
              {teamChoices.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <button type="submit" className="button" disabled={create.isPending || name.trim() === ""}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      <FormError error={create.error} />
    </section>
  );
}
