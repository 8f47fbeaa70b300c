import { z } from "zod";
import "./messages";
import { ROLES } from "@/lib/auth/roles";
import { nameText } from "./text";

export const teamCreateSchema = z.strictObject({
  slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "must be 2–41 lowercase letters, digits or dashes"),
  name: nameText(80),
});

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254, "must be at most 254 characters").email("must be an email address"),
  name: nameText(120),
  role: z.enum(ROLES, { error: "must be engineer, lead or admin" }),
  team: z.string().trim().min(1).max(64, "must be at most 64 characters").optional(),
  password: z.string().min(10, "must be at least 10 characters").max(200, "is too long"),
});

export type TeamCreateInput = z.infer<typeof teamCreateSchema>;
export type UserCreateInput = z.infer<typeof userCreateSchema>;
