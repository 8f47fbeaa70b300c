import { z } from "zod";
import "./messages";
import { nameText } from "./text";

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, "is required").max(254, "must be at most 254 characters"),
  password: z.string().min(1, "is required").max(200, "is too long"),
});

export const tokenCreateSchema = z.strictObject({
  name: nameText(80),
  // read | write | ingest (lib/auth/scopes.ts); omitted: ["write"]
  scopes: z
    .array(z.enum(["read", "write", "ingest"], "must be read, write or ingest"))
    .min(1, "must name at least one scope")
    .max(3, "must name at most three scopes")
    .refine((s) => new Set(s).size === s.length, "must not repeat a scope")
    .optional(),
  team: z.string().trim().min(1, "must be a team slug").max(64, "must be at most 64 characters").nullable().optional(),
}).refine((t) => !t.team || (t.scopes ?? []).includes("ingest"), { message: "only applies to ingest tokens", path: ["team"] });

const webhook = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .url("must be a URL")
  .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL");

export const profileUpdateSchema = z.strictObject({
  name: nameText(120).optional(),
  notifyEmail: z.string().trim().toLowerCase().max(254, "must be at most 254 characters").email("must be an email address").nullable().optional(),
  notifyWebhook: webhook.nullable().optional(),
});
