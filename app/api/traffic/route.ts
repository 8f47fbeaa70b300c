import { withAuth } from "@/lib/auth/with-auth";
import { ingestSamples } from "@/lib/traffic/ingest";
import { trafficPushSchema } from "@/lib/validation/traffic";
import { parseBody } from "@/lib/validation/request";

// POST /api/traffic — push samples { samples: [{ appId, ts, value }] }; bad ones are reported per sample
export const POST = withAuth(async ({ req }) => {
  const { samples } = await parseBody(req, trafficPushSchema);
  return Response.json(await ingestSamples(samples), { status: 202 });
});
