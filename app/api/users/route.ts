import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { listUsers } from "@/lib/ownership/directory";
import { createUser } from "@/lib/admin/accounts";
import { userCreateSchema } from "@/lib/validation/admin";
import { parseBody } from "@/lib/validation/request";
import { parseQuery } from "@/lib/validation/request";

const query = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  team: z.string().trim().min(1).max(64, "must be at most 64 characters").optional(),
});

// GET /api/users?q=&team= — people to pick as backup or transfer target
export const GET = withAuth(async ({ req }) => {
  const { q, team } = parseQuery(req, query);
  return Response.json({ items: await listUsers(q, team) });
});

// POST /api/users — add a person (admin): { email, name, role, team?, password }
export const POST = withAuth(
  async ({ req }) => Response.json({ user: await createUser(await parseBody(req, userCreateSchema)) }, { status: 201 }),
  { role: "admin" },
);
