import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { hasRole } from "@/lib/auth/roles";
import { appRefOf } from "@/lib/ownership/load";
import { runDetection } from "@/lib/findings/run-detection";
import { detectionRunSchema } from "@/lib/validation/traffic";
import { parseBody } from "@/lib/validation/request";

// POST /api/detection/run — run detection now for one app ({ appId }) or all (leads, admins, API tokens)
export const POST = withAuth(async ({ req, actor }) => {
  if (actor.via !== "token" && !hasRole(actor.role, "lead")) {
    throw new AppError("forbidden", "Only leads, admins or an API token can start a detection run");
  }
  const { appId } = await parseBody(req, detectionRunSchema);
  if (appId) await appRefOf(appId); // 404 for an unknown app
  return Response.json(await runDetection({ appId }));
});
