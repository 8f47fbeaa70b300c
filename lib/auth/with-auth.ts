import "server-only";
import { AppError, handleApiError } from "@/lib/errors";
import { timeRequests } from "@/lib/metrics/http-timing";
import { isCrossSite } from "./csrf";
import { resolveActor, type Actor } from "./actor";
import { hasRole, type Role } from "./roles";
import { scopeAllows, type RouteScope } from "./scopes";

type Ctx<P> = { params: Promise<P> };
type Handler<P, A> = (args: { req: Request; actor: A; params: P }) => Promise<Response>;

const READS = new Set(["GET", "HEAD"]);

// The one wrapper every API route goes through: CSRF check, session/token, token scope, role,
// error mapping. A token needs `read` for GET, `write` for anything else, unless the route
// says `scope: "ingest"` (then an ingest token will do too).
export function withAuth<P = Record<string, never>>(
  handler: Handler<P, Actor>,
  options: { role?: Role; scope?: RouteScope } = {},
): (req: Request, ctx: Ctx<P>) => Promise<Response> {
  return timeRequests(async (req, ctx) => {
    try {
      const actor = await resolveActor(req);
      if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API token");
      if (actor.via === "session" && isCrossSite(req)) {
        throw new AppError("csrf_rejected", "Cross-site request refused");
      }
      const needed = options.scope ?? (READS.has(req.method) ? "read" : "write");
      if (actor.via === "token" && !scopeAllows(actor.scopes, needed)) {
        throw new AppError("forbidden", `This token's scopes (${actor.scopes.join(", ") || "none"}) do not allow this; it needs ${needed}`);
      }
      if (options.role && !hasRole(actor.role, options.role)) {
        throw new AppError("forbidden", `This needs the ${options.role} role`);
      }
      return await handler({ req, actor, params: await ctx.params });
    } catch (error) {
      return handleApiError(error);
    }
  });
}

// For the few public routes (sign-in): same CSRF and error mapping, no actor.
export function withPublic<P = Record<string, never>>(
  handler: Handler<P, null>,
): (req: Request, ctx: Ctx<P>) => Promise<Response> {
  return timeRequests(async (req, ctx) => {
    try {
      if (isCrossSite(req)) throw new AppError("csrf_rejected", "Cross-site request refused");
      return await handler({ req, actor: null, params: await ctx.params });
    } catch (error) {
      return handleApiError(error);
    }
  });
}
