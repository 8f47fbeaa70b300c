import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { describes } from "@/lib/openapi/describes";
import type { createTeam, createUser } from "./accounts";
import type { listDirectory, PersonView, renameTeam } from "./people";

// The answers of the people and teams routes, checked against their builders' types
// (lib/openapi/describes.ts). The stored role is a string in SQLite; it is always one of ROLES.

type Async<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type WithRole<T> = Omit<T, "role"> & { role: Role };

const role = z.enum(ROLES);
const team = z.string().nullable();

export const personViewSchema = describes<PersonView>()(
  z.object({
    email: z.string(), name: z.string(), role, team, teamName: z.string().nullable(),
    active: z.boolean(), deactivatedAt: z.string().nullable(), createdAt: z.string(), owns: z.number(), backs: z.number(),
    canManage: z.boolean(), self: z.boolean(),
  }),
);

const directoryItem = describes<WithRole<Async<typeof listDirectory>[number]>>()(z.object({ email: z.string(), name: z.string(), role, team }));

/** GET /api/users: view=directory or view=manage */
export const userListSchema = z.object({ items: z.union([z.array(directoryItem), z.array(personViewSchema)]) });
/** POST /api/users */
export const userCreatedSchema = z.object({ user: describes<WithRole<Async<typeof createUser>>>()(z.object({ email: z.string(), name: z.string(), role, team })) });
/** PATCH /api/users/{email} */
export const userChangedSchema = z.object({ user: personViewSchema });

const teamShape = z.object({ slug: z.string(), name: z.string() });
/** POST /api/teams and PATCH /api/teams/{team} */
export const teamAnswerSchema = z.object({ team: describes<Async<typeof createTeam> | Async<typeof renameTeam>>()(teamShape) });
