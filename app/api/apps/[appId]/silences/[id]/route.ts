import { withAuth } from "@/lib/auth/with-auth";
import { endSilence } from "@/lib/notify/silences";

// DELETE /api/apps/:appId/silences/:id — end a silence now (kept on record; Grafana resumes the rule)
export const DELETE = withAuth<{ appId: string; id: string }>(async ({ actor, params }) =>
  Response.json({ silence: await endSilence(actor, params.appId, params.id) }),
);
