import { z } from "zod";
import { SCOPES } from "@/lib/auth/scopes";
import type { SessionView } from "@/lib/auth/sessions";
import { describes } from "@/lib/openapi/describes";
import type { createToken, listTokens } from "./tokens";

// The answers of the token and session routes, checked against their builders' types.
type Async<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const tokenShape = {
  id: z.string(), name: z.string(), prefix: z.string(), scopes: z.array(z.enum(SCOPES)), team: z.string().nullable(),
  createdAt: z.string(), lastUsedAt: z.string().nullable(),
};

/** GET /api/tokens */
export const tokenListSchema = z.object({ items: describes<Async<typeof listTokens>>()(z.array(z.object(tokenShape))) });
/** POST /api/tokens: the token itself, shown only here */
export const tokenCreatedSchema = describes<Async<typeof createToken>>()(z.object({ ...tokenShape, token: z.string() }));

/** GET /api/me/sessions */
export const sessionListSchema = z.object({
  items: z.array(
    describes<SessionView>()(
      z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), userAgent: z.string(), address: z.string(), current: z.boolean() }),
    ),
  ),
});
/** DELETE /api/me/sessions */
export const sessionsEndedSchema = z.object({ ended: z.number() });
