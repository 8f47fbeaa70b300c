import { withAuth } from "@/lib/auth/with-auth";
import { appView } from "@/lib/ownership/app-view";
import { loadApp } from "@/lib/ownership/load";
import { db } from "@/lib/db/client";

// GET /api/apps/:appId — the app with owner, backup, responder and what I may do
export const GET = withAuth<{ appId: string }>(async ({ actor, params }) =>
  Response.json({ app: appView(actor, await loadApp(db(), params.appId)) }),
);
