import { httpMetrics } from "./registry";
import { routePattern, statusClass } from "./route-pattern";

type Ctx<P> = { params: Promise<P> };
type RouteHandler<P> = (req: Request, ctx: Ctx<P>) => Promise<Response>;

async function paramsOf<P>(ctx: Ctx<P> | undefined): Promise<Record<string, string | string[] | undefined>> {
  try {
    const params: unknown = await ctx?.params;
    return params && typeof params === "object" ? (params as Record<string, string | string[] | undefined>) : {};
  } catch {
    return {};
  }
}

/** Wraps a route handler so every request is observed in portal_http_request_duration_seconds. */
export function timeRequests<P>(handler: RouteHandler<P>): RouteHandler<P> {
  return async (req, ctx) => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(req, ctx);
      status = res.status;
      return res;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routePattern(new URL(req.url).pathname, await paramsOf(ctx));
      httpMetrics().requestDuration.observe({ route, method: req.method, status_class: statusClass(status) }, seconds);
    }
  };
}
