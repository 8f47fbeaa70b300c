import { withAuth } from "@/lib/auth/with-auth";
import { retryFailedGrafanaTasks } from "@/lib/grafana-sync/status";

// POST /api/grafana/retry — re-arm every failed Grafana sync task (due now, attempts reset)
export const POST = withAuth(async () => Response.json(await retryFailedGrafanaTasks()), { role: "admin" });
