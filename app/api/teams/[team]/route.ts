import { withAuth } from "@/lib/auth/with-auth";
import { renameTeam } from "@/lib/admin/people";
import { teamRenameSchema } from "@/lib/validation/admin";
import { parseBody } from "@/lib/validation/request";

// PATCH /api/teams/:team — rename a team ({ name }; the slug stays) (admin)
export const PATCH = withAuth<{ team: string }>(async ({ req, actor, params }) => {
  const { name } = await parseBody(req, teamRenameSchema);
  return Response.json({ team: await renameTeam(actor.id, params.team, name) });
}, { role: "admin" });
