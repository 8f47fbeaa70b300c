import { z } from "zod";
import "./messages";
import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from "@/lib/import/types";

// POST /api/import?dryRun=true|false — a dry run unless dryRun=false says otherwise
export const importQuerySchema = z.object({
  dryRun: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
});

// The JSON form of the body (the page sends it); raw text/csv or application/yaml bodies are
// read as the file itself.
export const importBodySchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS, { error: "must be csv or catalog" }).optional(),
  content: z.string().min(1, "is required").max(MAX_IMPORT_BYTES, `must be at most ${MAX_IMPORT_BYTES} characters`),
});

// GET /api/export/ownership?format=csv|catalog
export const exportQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: "must be csv or catalog" }).default("csv"),
});

export type ImportBody = z.infer<typeof importBodySchema>;
