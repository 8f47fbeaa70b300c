import { ZodError } from "zod";
import { AppError } from "./app-error";
import { prismaCode } from "./prisma-codes";
import { fieldErrors } from "@/lib/validation/field-errors";

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

function json(status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return Response.json(body, { status, headers });
}

// One field: "email must be an email address"; several: "Invalid email, name".
function summary(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  if (entries.length === 1 && entries[0]) return `${entries[0][0]} ${entries[0][1]}`;
  return `Invalid ${entries.map(([k]) => k).join(", ")}`;
}

export function handleApiError(error: unknown): Response {
  if (error instanceof AppError) {
    return json(error.status, {
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    }, error.headers);
  }
  if (error instanceof ZodError) {
    const fields = fieldErrors(error.issues);
    return json(422, { error: { code: "validation_failed", message: summary(fields), fields } });
  }
  const code = prismaCode(error);
  if (code === "P2025") return json(404, { error: { code: "not_found", message: "Not found" } });
  if (code === "P2002") return json(409, { error: { code: "conflict", message: "That already exists" } });
  console.error("[api] unhandled error", error);
  return json(500, { error: { code: "internal", message: "Something went wrong on our side" } });
}
