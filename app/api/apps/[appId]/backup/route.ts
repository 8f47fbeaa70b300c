import { withAuth } from "@/lib/auth/with-auth";
import { setBackup } from "@/lib/ownership/manage-app";
import { backupSchema } from "@/lib/validation/ownership";
import { parseBody } from "@/lib/validation/request";

// PUT /api/apps/:appId/backup — set ({ email }) or clear ({ email: null }) the backup owner
export const PUT = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const { email } = await parseBody(req, backupSchema);
  return Response.json({ app: await setBackup(actor, params.appId, email) });
});
