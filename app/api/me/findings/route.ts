import { withAuth } from "@/lib/auth/with-auth";
import { openFindingsFor } from "@/lib/findings/list-findings";

// GET /api/me/findings — open findings of the apps I own or back up
export const GET = withAuth(async ({ actor }) => Response.json({ items: await openFindingsFor(actor.id) }));
