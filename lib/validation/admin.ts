import { z } from "zod";
import "./messages";
import { ROLES } from "@/lib/auth/roles";

export const teamCreateSchema = z.strictObject({
  slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "must be 2–41 lowercase letters, digits or dashes"),
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
});

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("must be an email address"),
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  role: z.enum(ROLES, { error: "must be engineer, lead or admin" }),
  team: z.string().trim().min(1).optional(),
  password: z.string().min(10, "must be at least 10 characters").max(200, "is too long"),
});

export type TeamCreateInput = z.infer<typeof teamCreateSchema>;
export type UserCreateInput = z.infer<typeof userCreateSchema>;
