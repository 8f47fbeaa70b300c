import { withAuth } from "@/lib/auth/with-auth";
import { appViewWithStewardship } from "@/lib/ownership/confirm";
import { loadApp } from "@/lib/ownership/load";
import { db } from "@/lib/db/client";

// GET /api/apps/:appId — the app with owner, backup, responder, what I may do, and its
// stewardship ({ confirmedAt, stale, reasons }), scorecard, worst open finding and sync state
export const GET = withAuth<{ appId: string }>(async ({ actor, params }) =>
  Response.json({ app: await appViewWithStewardship(actor, await loadApp(db(), params.appId)) }),
);
