import { withAuth } from "@/lib/auth/with-auth";
import { createToken, listTokens } from "@/lib/tokens/tokens";
import { tokenCreateSchema } from "@/lib/validation/account";
import { parseBody } from "@/lib/validation/request";

// POST /api/tokens — create an API token { name, scopes?, team? }; the token is in this response only
export const POST = withAuth(async ({ req, actor }) => {
  const input = await parseBody(req, tokenCreateSchema);
  return Response.json(await createToken(actor, input), { status: 201 });
});

// GET /api/tokens — my active tokens (never the token itself)
export const GET = withAuth(async ({ actor }) => Response.json({ items: await listTokens(actor.id) }));
