import "server-only";
import { AppError, handleApiError } from "@/lib/errors";
import { timeRequests } from "@/lib/metrics/http-timing";
import { isCrossSite } from "./csrf";
import { resolveActor, type Actor } from "./actor";
import { hasRole, type Role } from "./roles";

type Ctx<P> = { params: Promise<P> };
type Handler<P, A> = (args: { req: Request; actor: A; params: P }) => Promise<Response>;

// The one wrapper every API route goes through: CSRF check, session/token, role, error mapping.
export function withAuth<P = Record<string, never>>(
  handler: Handler<P, Actor>,
  options: { role?: Role } = {},
): (req: Request, ctx: Ctx<P>) => Promise<Response> {
  return timeRequests(async (req, ctx) => {
    try {
      const actor = await resolveActor(req);
      if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API token");
      if (actor.via === "session" && isCrossSite(req)) {
        throw new AppError("csrf_rejected", "Cross-site request refused");
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
