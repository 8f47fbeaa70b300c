import { withAuth } from "@/lib/auth/with-auth";
import { listApps } from "@/lib/ownership/list-apps";
import { registerApp } from "@/lib/ownership/register-app";
import { appCreateSchema, appListQuerySchema } from "@/lib/validation/ownership";
import { parseBody, parseQuery } from "@/lib/validation/request";

// GET /api/apps?filter=all|mine|unowned&team=&q=&cursor=&limit= — list apps with their people
export const GET = withAuth(async ({ req, actor }) => Response.json(await listApps(actor, parseQuery(req, appListQuerySchema))));

// POST /api/apps — register an app (lead of its team, or admin)
export const POST = withAuth(
  async ({ req, actor }) => {
    const app = await registerApp(actor, await parseBody(req, appCreateSchema));
    return Response.json({ app }, { status: 201 });
  },
  { role: "lead" },
);
