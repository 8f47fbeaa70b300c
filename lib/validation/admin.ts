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

const teamSlugRef = z.string().trim().min(1, "is required").max(64, "must be at most 64 characters");

// GET /api/users: `directory` (anyone: active people to pick as backup or transfer target) or
// `manage` (admins: everyone; leads: their team's people; deactivated people included).
export const userListQuerySchema = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  team: teamSlugRef.optional(),
  view: z.enum(["directory", "manage"], { error: "must be directory or manage" }).default("directory"),
});

// PATCH /api/users/{email}: any of name, role, team (null = no team), active.
export const userUpdateSchema = z
  .strictObject({
    name: nameText(120).optional(),
    role: z.enum(ROLES, { error: "must be engineer, lead or admin" }).optional(),
    team: teamSlugRef.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), "must change at least one of name, role, team, active");

// PATCH /api/teams/{team}: rename (the slug stays: it is in URLs, tokens and Grafana)
export const teamRenameSchema = z.strictObject({ name: nameText(80) });

export type UserListQuery = z.infer<typeof userListQuerySchema>;
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;
export type TeamRenameInput = z.infer<typeof teamRenameSchema>;

// POST /api/grafana/reconcile
export const grafanaReconcileSchema = z.object({ repair: z.boolean().optional() });
