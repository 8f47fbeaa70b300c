import { withAuth } from "@/lib/auth/with-auth";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { chartStepSeconds, trafficPoints } from "@/lib/traffic/chart";
import { trafficQuerySchema } from "@/lib/validation/traffic";
import { parseQuery } from "@/lib/validation/request";

const DAY = 86_400_000;

// GET /api/apps/:appId/traffic?from=&to=&step= — the app's traffic for charts (default: last 24 h)
export const GET = withAuth<{ appId: string }>(async ({ req, params }) => {
  const q = parseQuery(req, trafficQuerySchema);
  const app = await db().app.findUnique({ where: { appId: params.appId }, select: { id: true } });
  if (!app) throw notFound(`App ${params.appId}`);
  const to = q.to ? Date.parse(q.to) : Date.now();
  const from = q.from ? Date.parse(q.from) : to - DAY;
  const step = chartStepSeconds(from, to, q.step);
  const points = await trafficPoints(app.id, from, to, step);
  return Response.json({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), step, points });
});
