import { withAuth } from "@/lib/auth/with-auth";
import { appPrediction } from "@/lib/findings/prediction";

// GET /api/apps/:appId/prediction — the 99 % prediction interval of the latest sample and its
// calibration (share of the last week's samples outside their interval; ≈ 1 % when it holds)
export const GET = withAuth<{ appId: string }>(async ({ params }) => Response.json(await appPrediction(params.appId)));
