import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { hasRole } from "@/lib/auth/roles";
import { appRefOf } from "@/lib/ownership/load";
import { runDetection } from "@/lib/findings/run-detection";
import { detectionRunSchema } from "@/lib/validation/traffic";
import { parseBody } from "@/lib/validation/request";

// POST /api/detection/run — run detection now for one app ({ appId }) or all: a lead or an
// admin, signed in or through a write token of theirs
export const POST = withAuth(async ({ req, actor }) => {
  if (!hasRole(actor.role, "lead")) {
    throw new AppError("forbidden", actor.via === "token" ? "A detection run needs a lead or admin behind the token" : "Only leads and admins can start a detection run");
  }
  const { appId } = await parseBody(req, detectionRunSchema);
  if (appId) await appRefOf(appId); // 404 for an unknown app
  return Response.json(await runDetection({ appId }));
});
