import { withAuth } from "@/lib/auth/with-auth";
import { ingestSamples } from "@/lib/traffic/ingest";
import { pushAccess } from "@/lib/traffic/push-access";
import { trafficPushSchema, MAX_PUSH_BYTES } from "@/lib/validation/traffic";
import { parseBody } from "@/lib/validation/request";

// POST /api/traffic — push samples { samples: [{ appId, ts, value }] }; bad ones are reported per sample.
// Sessions and write tokens: apps their person edits; ingest tokens: every app or their team's.
export const POST = withAuth(
  async ({ req, actor }) => {
    const { samples } = await parseBody(req, trafficPushSchema, { maxBytes: MAX_PUSH_BYTES });
    return Response.json(await ingestSamples(samples, pushAccess(actor)), { status: 202 });
  },
  { scope: "ingest" },
);
