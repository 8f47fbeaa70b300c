import { withAuth } from "@/lib/auth/with-auth";
import { managerOf, updatePerson } from "@/lib/admin/people";
import { userUpdateSchema } from "@/lib/validation/admin";
import { parseBody } from "@/lib/validation/request";

// PATCH /api/users/:email — change a person's name, role, team or active ({ active: false } ends
// their sessions and tokens; the backups answer for their apps): admins; leads for their team's engineers
export const PATCH = withAuth<{ email: string }>(
  async ({ req, actor, params }) => Response.json({ user: await updatePerson(managerOf(actor), params.email, await parseBody(req, userUpdateSchema)) }),
  { role: "lead" },
);
