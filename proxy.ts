import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, matchApiRoute } from "@/lib/http/route-table";
import { API_CSP, pageCsp, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

// Runs before every page and API route (not Next's assets):
//  - a path with a malformed %-encoding is a 400 (JSON under /api) instead of a 500 further in;
//  - a known API path with a method it does not answer is a 405 JSON with Allow;
//    (unknown /api paths reach app/api/[...unknown], a 404 JSON)
//  - pages get a per-request CSP nonce and the security headers; API answers a CSP that
//    allows nothing;
//  - a visitor without a session cookie is sent to sign-in, remembering where they were going.
//    Only a convenience: the portal layout and every API route check the session themselves.

// A segment that does not decode, or a NUL anywhere in the address (PostgreSQL cannot store
// or compare text holding NUL, and no appId, id or query value has one)
function malformedPath(pathname: string, search: string): boolean {
  if (/%00/i.test(pathname) || /%00/i.test(search)) return true;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

function withHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}): NextResponse {
  return withHeaders(NextResponse.json({ error: { code, message } }, { status, headers }), API_CSP);
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (malformedPath(pathname, req.nextUrl.search)) {
    if (isApi) return apiError(400, "bad_request", "The address has a malformed %-encoding or a NUL character");
    return withHeaders(new NextResponse("Bad request: the address has a malformed %-encoding.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }), API_CSP);
  }

  if (isApi) {
    const route = matchApiRoute(pathname);
    const allow = route ? allowedMethods(route) : null;
    if (allow && !allow.includes(req.method)) {
      return apiError(405, "method_not_allowed", `${req.method} is not allowed here; use ${route!.methods.join(", ")}`, { Allow: allow.join(", ") });
    }
    return withHeaders(NextResponse.next(), API_CSP);
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  // acknowledgement links work without a session (the signed token is the credential)
  if (!req.cookies.has("portal_session") && pathname !== "/login" && !pathname.startsWith("/ack/")) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?next=${encodeURIComponent(pathname + req.nextUrl.search)}`;
    return withHeaders(NextResponse.redirect(url), csp);
  }
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  // everything but Next's assets and static files
  matcher: ["/((?!_next/|favicon\\.ico|.*\\.(?:svg|png|ico|css|js|map|txt)$).*)"],
};
