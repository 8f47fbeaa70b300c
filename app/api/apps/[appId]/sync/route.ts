import { withAuth } from "@/lib/auth/with-auth";
import { appSyncStatus } from "@/lib/grafana-sync/status";

// GET /api/apps/:appId/sync — whether the app's Grafana rule is synced, pending or failed, and its drift
export const GET = withAuth<{ appId: string }>(async ({ params }) => Response.json(await appSyncStatus(params.appId)));
