import { withAuth } from "@/lib/auth/with-auth";
import { thresholdHistory } from "@/lib/thresholds/read-thresholds";

// GET /api/apps/:appId/thresholds/history — every version, newest first, each with its diff
export const GET = withAuth<{ appId: string }>(async ({ params }) => Response.json({ items: await thresholdHistory(params.appId) }));
