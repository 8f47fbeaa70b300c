import { withAuth } from "@/lib/auth/with-auth";
import { setAvailability } from "@/lib/ownership/availability";
import { getMe } from "@/lib/ownership/me";
import { availabilitySchema } from "@/lib/validation/ownership";
import { parseBody } from "@/lib/validation/request";

// PUT /api/me/availability — mark myself away (awayFrom?, awayUntil) or back (awayUntil: null)
export const PUT = withAuth(async ({ req, actor }) => {
  await setAvailability(actor, await parseBody(req, availabilitySchema));
  return Response.json({ user: await getMe(actor.id) });
});
