import { withAuth } from "@/lib/auth/with-auth";
import { teamOverview } from "@/lib/ownership/overview";

// GET /api/overview — per team: apps, owned, unowned, with backup, owner away, unreachable
export const GET = withAuth(async () => Response.json(await teamOverview()));
