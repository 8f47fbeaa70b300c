import { ApiError, errorMessage } from "@/lib/client/api";

/** The server's message for a failed form, shown next to the form (announced to screen readers). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {errorMessage(error)}
    </p>
  );
}

/** The message the server gave for one field, if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}
