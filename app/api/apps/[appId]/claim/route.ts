import { withAuth } from "@/lib/auth/with-auth";
import { claimApp } from "@/lib/ownership/claim-app";

// POST /api/apps/:appId/claim — become the owner of an unowned app (409 already_owned)
export const POST = withAuth<{ appId: string }>(async ({ actor, params }) =>
  Response.json({ app: await claimApp(actor, params.appId) }),
);
