"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { useCreateToken } from "@/lib/client/use-create-token";
import type { CreatedApiToken } from "@/lib/client/types";
import { NewTokenNotice } from "./new-token-notice";

export function CreateTokenForm() {
  const create = useCreateToken();
  const [name, setName] = useState("");
  // The secret lives only in this component's state: it is never cached or shown again.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
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
          <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={create.isPending || name.trim() === ""}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      <FormError error={create.error} />
    </section>
  );
}
