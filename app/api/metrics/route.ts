import { withPublic } from "@/lib/auth/with-auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { metricsAccessAllowed } from "@/lib/metrics/access";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus exposition; needs `Authorization: Bearer <METRICS_TOKEN>` when that is set
export const GET = withPublic(async ({ req }) => {
  if (!metricsAccessAllowed(req.headers.get("authorization"), env().METRICS_TOKEN)) {
    throw new AppError("unauthorized", "Send Authorization: Bearer <METRICS_TOKEN>");
  }
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
