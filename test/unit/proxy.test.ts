import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const at = (path: string, init: { method?: string; cookie?: string } = {}) =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: init.cookie ? { cookie: init.cookie } : {} }));

describe("proxy", () => {
  it("answers a malformed %-encoding with 400 (JSON under /api), never passing it on", async () => {
    for (const p of ["/api/apps/%ZZ", "/api/tokens/%E0%A4%A", "/api/apps/%", "/api/apps/a%00b", "/api/apps?team=%00"]) {
      const res = at(p);
      expect(res.status, p).toBe(400);
      expect(await res.json(), p).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
    }
    const page = at("/apps/%ZZ", { cookie: "portal_session=x" });
    expect(page.status).toBe(400);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a wrong method on a known API route with 405 JSON and Allow", async () => {
    const res = at("/api/tokens", { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(await res.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    expect(at("/api/tokens", { method: "POST" }).headers.get("x-middleware-next")).toBe("1");
    expect(at("/api/unknown/thing", { method: "PUT" }).headers.get("x-middleware-next")).toBe("1"); // → the 404 JSON catch-all
  });

  it("puts a nonce CSP and the security headers on pages, and a deny-all CSP on the API", () => {
    const page = at("/apps/mine", { cookie: "portal_session=x" });
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(at("/apps/mine", { cookie: "portal_session=x" }).headers.get("content-security-policy")).not.toBe(csp); // fresh nonce
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(at("/api/me").headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends a visitor without a session to sign-in with a next path", () => {
    const res = at("/apps/checkout-api?x=1");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/:3000\/login\?next=%2Fapps%2Fcheckout-api%3Fx%3D1$/);
    expect(at("/login").status).toBe(200);
  });
});
