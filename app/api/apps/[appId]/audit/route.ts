import { withAuth } from "@/lib/auth/with-auth";
import { appAudit } from "@/lib/ownership/app-audit";

// GET /api/apps/:appId/audit — the app's audit events, newest first
export const GET = withAuth<{ appId: string }>(async ({ params }) => Response.json({ items: await appAudit(params.appId) }));
