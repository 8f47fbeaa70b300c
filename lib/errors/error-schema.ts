import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "./app-error";

/** The one error body, `{ error: { code, message, fields? } }`, as the OpenAPI document publishes it. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** Every status an error answer can have (400, 401, 403, …, 500). */
export const ERROR_STATUSES: readonly number[] = [...new Set(Object.values(ERROR_STATUS))].sort((a, b) => a - b);
