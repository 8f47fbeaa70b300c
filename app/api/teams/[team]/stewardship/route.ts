import { withAuth } from "@/lib/auth/with-auth";
import { readStewardshipSettings, writeStewardshipSettings } from "@/lib/ownership/confirm";
import { stewardshipSettingsSchema } from "@/lib/validation/stewardship";
import { parseBody } from "@/lib/validation/request";

// GET /api/teams/:team/stewardship — how often the team's owners confirm their apps; the team's lead or an admin
export const GET = withAuth<{ team: string }>(async ({ actor, params }) => Response.json(await readStewardshipSettings(actor, params.team)));

// PUT /api/teams/:team/stewardship — { confirmEveryDays: 7..365 }; the team's lead or an admin
export const PUT = withAuth<{ team: string }>(async ({ req, actor, params }) => {
  const input = await parseBody(req, stewardshipSettingsSchema);
  return Response.json(await writeStewardshipSettings(actor, params.team, input));
});
