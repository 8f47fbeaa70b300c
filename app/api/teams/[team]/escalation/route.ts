import { withAuth } from "@/lib/auth/with-auth";
import { readEscalation, writeEscalation } from "@/lib/notify/escalation-store";
import { escalationPolicySchema } from "@/lib/validation/oncall";
import { parseBody } from "@/lib/validation/request";

// GET /api/teams/:team/escalation — the team's escalation policy (the default when it has none)
export const GET = withAuth<{ team: string }>(async ({ actor, params }) => Response.json(await readEscalation(actor, params.team)));

// PUT /api/teams/:team/escalation — replace it ({ steps: [{ after, notify }], repeat }); the team's lead or an admin
export const PUT = withAuth<{ team: string }>(async ({ req, actor, params }) => {
  const input = await parseBody(req, escalationPolicySchema);
  return Response.json(await writeEscalation(actor, params.team, input));
});
