import { withAuth } from "@/lib/auth/with-auth";
import { createUser } from "@/lib/admin/accounts";
import { listDirectory, listPeople, managerOf } from "@/lib/admin/people";
import { userCreateSchema, userListQuerySchema } from "@/lib/validation/admin";
import { parseBody, parseQuery } from "@/lib/validation/request";

// GET /api/users?q=&team=&view=directory|manage — active people to pick (anyone), or the people
// an admin (everyone) or lead (their team) manages, deactivated ones included (view=manage)
export const GET = withAuth(async ({ req, actor }) => {
  const { view, ...query } = parseQuery(req, userListQuerySchema);
  const items = view === "manage" ? await listPeople(managerOf(actor), query) : await listDirectory(query);
  return Response.json({ items });
});

// POST /api/users — add a person: { email, name, role, team?, password } (admins; leads: engineers of their own team)
export const POST = withAuth(
  async ({ req, actor }) => Response.json({ user: await createUser(await parseBody(req, userCreateSchema), managerOf(actor)) }, { status: 201 }),
  { role: "lead" },
);
