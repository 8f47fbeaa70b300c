import { withAuth } from "@/lib/auth/with-auth";
import { grafanaStatus } from "@/lib/grafana-sync/status";

// GET /api/grafana/status — outbox tasks pending and failed, drift per app, last successful sync
export const GET = withAuth(async () => Response.json(await grafanaStatus()), { role: "admin" });
