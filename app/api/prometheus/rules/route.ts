import { withAuth } from "@/lib/auth/with-auth";
import { prometheusRulesFile } from "@/lib/thresholds/prometheus-source";

// GET /api/prometheus/rules — every enabled app's thresholds as a Prometheus alerting-rules file
export const GET = withAuth(async ({ req }) =>
  new Response(await prometheusRulesFile(new URL(req.url).origin), {
    headers: { "content-type": "application/yaml; charset=utf-8", "cache-control": "no-store" },
  }),
);
