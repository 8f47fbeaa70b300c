"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError, fieldError } from "@/components/form-error";
import { ApiError, apiFetch } from "@/lib/client/api";
import { safeNextPath } from "@/lib/auth/next-path";

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/auth/login", {
        method: "POST",
        body: { email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") },
      });
      router.replace(safeNextPath(next));
      router.refresh();
    } catch (err) {
      setPending(false);
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, err.code, "Wrong email or password.", err.fields)
          : err,
      );
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Field label="Email" error={fieldError(error, "email")}>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" error={fieldError(error, "password")}>
        <input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError error={error} />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
