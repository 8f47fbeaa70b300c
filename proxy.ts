import { NextResponse, type NextRequest } from "next/server";

// Sends a visitor without a session cookie to sign-in, remembering where they were going.
// Only a convenience: the portal layout and every API route check the session themselves.
export function proxy(req: NextRequest) {
  if (req.cookies.has("portal_session")) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // pages only: not the API, Next's assets, the sign-in page or static files
  matcher: ["/((?!api/|_next/|login|favicon\\.ico|.*\\.(?:svg|png|ico|css|js)$).*)"],
};
