import { withAuth } from "@/lib/auth/with-auth";
import { listTeams } from "@/lib/ownership/directory";

// GET /api/teams — all teams
export const GET = withAuth(async () => Response.json({ items: await listTeams() }));
