import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { detectionRunSchema } from "@/lib/validation/traffic";
import { parseBody } from "@/lib/validation/request";

// POST /api/detection/run — run detection now for one app ({ appId }) or all (leads, admins, API tokens)
export const POST = withAuth(async ({ req, actor }) => {
  if (actor.via !== "token" && !hasRole(actor.role, "lead")) {
    throw new AppError("forbidden", "Only leads, admins or an API token can start a detection run");
  }
  const { appId } = await parseBody(req, detectionRunSchema);
  if (appId && !(await db().app.findUnique({ where: { appId }, select: { id: true } }))) {
    throw new AppError("not_found", `App ${appId} was not found`);
  }
  return Response.json(await runDetection({ appId }));
});
