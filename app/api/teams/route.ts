import { withAuth } from "@/lib/auth/with-auth";
import { createTeam } from "@/lib/admin/accounts";
import { listTeams } from "@/lib/ownership/directory";
import { teamCreateSchema } from "@/lib/validation/admin";
import { parseBody } from "@/lib/validation/request";

// GET /api/teams — all teams
export const GET = withAuth(async () => Response.json({ items: await listTeams() }));

// POST /api/teams — create a team (admin)
export const POST = withAuth(
  async ({ req, actor }) => Response.json({ team: await createTeam(await parseBody(req, teamCreateSchema), actor.id) }, { status: 201 }),
  { role: "admin" },
);
