import { withAuth } from "@/lib/auth/with-auth";
import { appRefOf } from "@/lib/ownership/load";
import { chartStepSeconds, trafficPoints } from "@/lib/traffic/chart";
import { trafficQuerySchema } from "@/lib/validation/traffic";
import { parseQuery } from "@/lib/validation/request";

const DAY = 86_400_000;

// GET /api/apps/:appId/traffic?from=&to=&step= — the app's traffic for charts (default: last 24 h)
export const GET = withAuth<{ appId: string }>(async ({ req, params }) => {
  const q = parseQuery(req, trafficQuerySchema);
  const appRef = await appRefOf(params.appId);
  const to = q.to ? Date.parse(q.to) : Date.now();
  const from = q.from ? Date.parse(q.from) : to - DAY;
  const step = chartStepSeconds(from, to, q.step);
  const points = await trafficPoints(appRef, from, to, step);
  return Response.json({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), step, points });
});
