import { z } from "zod";
import { describes } from "@/lib/openapi/describes";
import type { ImportResult } from "./run";
import { CHANGE_FIELDS, IMPORT_FORMATS } from "./types";

// The answer of POST /api/import, checked against ImportResult (lib/openapi/describes.ts).

const where = <T extends z.ZodRawShape>(shape: T) => z.union([z.object({ line: z.number(), ...shape }), z.object({ document: z.number(), ...shape })]);

export const importResultSchema = describes<ImportResult>()(
  z.object({
    dryRun: z.boolean(),
    format: z.enum(IMPORT_FORMATS),
    changes: z.array(where({ appId: z.string(), field: z.enum(CHANGE_FIELDS), before: z.string().nullable(), after: z.string().nullable() })),
    errors: z.array(where({ field: z.string(), message: z.string() })),
    ignored: z.number(),
    applied: z.number(),
  }),
);
