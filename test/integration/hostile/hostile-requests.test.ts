import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { API_ROUTES, type ApiRoute } from "@/lib/http/route-table";
import { makeMatrixWorld, type World } from "./authorization";
import { dbFingerprint } from "./db-state";
import { send, type Outgoing, type Sent } from "./dispatch";

// Hostile input against every route of lib/http/route-table.ts: malformed paths and encodings,
// wrong methods, forged or broken credentials, cross-site requests, broken and oversized
// bodies, hostile strings and numbers, absurd queries. The rules: no 5xx, ever; every answer
// is the one error shape; no mutating request is accepted; and the database is unchanged
// after each route's batch (fingerprinted before and after — all of its requests are 4xx or
// reads, so any change by any of them shows).

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = path.resolve(import.meta.dirname, "../../..");
// Routes that read a body get the bad bodies; the others ignore any body by design.
const takesBody = (route: ApiRoute) => fs.readFileSync(path.join(ROOT, `app${route.path}/route.ts`), "utf8").includes("parseBody(");
const EVIL = "https://evil.example";

function concrete(route: ApiRoute, w: World, id: string): string {
  return route.path.replace("[appId]", w.app.appId).replace("[id]", id);
}

const STRINGS = ["\ud800", "a\u0000b", "\u202etxt.exe", "\u200b\u200b", "x".repeat(10_000), "<script>alert(1)</script>", "'; DROP TABLE \"User\"; --", "../../etc/passwd", "${7*7}", "%ZZ"];
// (no null: clearing a nullable field with null is a valid request)
const VALUES: unknown[] = [true, -1, 1e308, [], {}, [1, 2], { $gt: "" }, "a\u0000b", "NaN", ...STRINGS];

/** Bodies a client should never get accepted, for any route that takes one. */
function badBodies(): string[] {
  const nested = "[".repeat(5_000) + "]".repeat(5_000);
  const bodies = ["{not json", "[]", "null", '"a string"', "1e309", nested, '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}',
    JSON.stringify({ name: "x".repeat(70 * 1024) }), '{"a":' + "1".repeat(400) + "}", "\u0000", "{\"name\":\"\\ud800\"}"];
  // every usual field name, each with each hostile value
  for (const field of ["name", "appId", "email", "reason", "samples", "scopes", "for", "floorRps", "awayUntil", "toEmail", "version", "slug", "password", "notifyWebhook"]) {
    for (const v of VALUES.slice(0, 8)) bodies.push(JSON.stringify({ [field]: v }));
  }
  return bodies;
}

function requestsFor(route: ApiRoute, w: World, cred: { cookie: string; token: string; tamperedCookie: string }): { out: Outgoing; why: string }[] {
  const id = "nope";
  const good = concrete(route, w, id);
  const list: { out: Outgoing; why: string }[] = [];
  const admin = { cookie: cred.cookie };
  for (const method of route.methods) {
    // credentials that are not
    for (const [why, headers] of [
      ["no credentials", {}],
      ["garbage bearer", { authorization: "Bearer pop_not-a-token" }],
      ["empty bearer", { authorization: "Bearer " }],
      ["basic auth", { authorization: "Basic YWRtaW46YWRtaW4=" }],
      ["malformed cookie encoding", { cookie: "portal_session=%ZZ%E0%A4" }],
      ["tampered cookie", { cookie: cred.tamperedCookie }],
      ["garbage cookie", { cookie: "portal_session=" + "A".repeat(4096) }],
    ] as const) {
      if (route.path === "/api/auth/login" || route.path === "/api/auth/logout" || route.path === "/api/metrics") continue;
      list.push({ out: { method, path: good, headers }, why });
    }
    if (method !== "GET") {
      // cross-site with a real cookie, and an https:// page posting to the http:// portal
      list.push({ out: { method, path: good, headers: { ...admin, origin: EVIL }, body: "{}" }, why: "cross-site origin" });
      list.push({ out: { method, path: good, headers: { ...admin, origin: "https://127.0.0.1:3000" }, body: "{}" }, why: "other scheme origin" });
      list.push({ out: { method, path: good, headers: { ...admin, "sec-fetch-site": "cross-site" }, body: "{}" }, why: "sec-fetch-site cross-site" });
    }
    if (method !== "GET" && takesBody(route)) {
      for (const body of badBodies()) list.push({ out: { method, path: good, headers: admin, body }, why: `bad body ${body.slice(0, 40)}` });
      list.push({ out: { method, path: good, headers: { ...admin, "content-length": String(50 * 1024 * 1024) }, body: "{}" }, why: "lying content-length" });
    }
    if (method === "GET") {
      for (const q of ["limit=-1", "limit=1e99", "limit=abc", "cursor=%ZZ", "from=yesterday", "to=1", "step=0", "status=closed", `q=${"x".repeat(1000)}`, "team=%00", "filter=%E2%80%AE", "limit=50&limit=x"]) {
        list.push({ out: { method, path: `${good}?${q}`, headers: admin }, why: `query ${q.slice(0, 30)}` });
      }
    }
  }
  // methods the route does not answer
  for (const method of METHODS.filter((m) => !route.methods.includes(m))) list.push({ out: { method, path: good, headers: admin, body: method === "GET" ? undefined : "{}" }, why: `wrong method ${method}` });
  // path parameters that are not
  if (route.path.includes("[")) {
    for (const p of ["%ZZ", "%E0%A4%A", "%", "%00", "..%2F..%2Fetc%2Fpasswd", "a".repeat(3000), "%F0%9F%92%A9", "%3Cscript%3E", "%2525ZZ", "%C0%AE%C0%AE", "%EF%BF%BF"]) {
      const path = route.path.replace("[appId]", p).replace("[id]", p);
      list.push({ out: { method: route.methods[0]!, path, headers: admin, body: route.methods[0] === "GET" ? undefined : "{}" }, why: `path ${p.slice(0, 20)}` });
    }
  }
  return list;
}

type Finding = string;

function checkShape(res: Sent, why: string, problems: Finding[], label: string) {
  if (res.status >= 500) problems.push(`${label} (${why}): ${res.status} ${res.text.slice(0, 200)}`);
  if (res.status >= 400 && res.status !== 431) {
    const e = (res.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const isPage = !label.includes(" /api/");
    if (!isPage && (typeof e?.code !== "string" || typeof e?.message !== "string")) problems.push(`${label} (${why}): ${res.status} not in the error shape: ${res.text.slice(0, 120)}`);
    if (res.text.length > 10_000) problems.push(`${label} (${why}): a ${res.text.length}-character error answer`);
  }
}

describe("hostile input, driven from the route table", () => {
  let total = 0;
  let fivexx = 0;

  for (const route of API_ROUTES) {
    it(`${route.methods.join(",")} ${route.path}`, async () => {
      const w = await makeMatrixWorld();
      const adminCookie = w.credentials("admin").cookie!;
      const tampered = adminCookie.slice(0, -6) + (adminCookie.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
      const requests = requestsFor(route, w, { cookie: adminCookie, token: w.tokens.write, tamperedCookie: tampered });
      const problems: Finding[] = [];
      const before = await dbFingerprint();
      for (const { out, why } of requests) {
        const res = await send(out);
        total += 1;
        if (res.status >= 500) fivexx += 1;
        const label = `${out.method} ${out.path.slice(0, 80)}`;
        checkShape(res, why, problems, label);
        if (out.method !== "GET" && res.status < 400) problems.push(`${label} (${why}): a hostile ${out.method} was accepted with ${res.status}`);
      }
      if ((await dbFingerprint()) !== before) problems.push(`${route.path}: the database changed although every request was refused or a read`);
      // the world's own rows are intact (a cheap second look)
      expect(await db().ownership.count({ where: { appRef: w.app.id } })).toBe(1);
      expect(problems, `${route.path}`).toEqual([]);
    }, 600_000); // a route's batch under a loaded CI machine: generous, never a speed assertion
  }

  it("sent at least 500 hostile requests and got no 5xx", () => {
    console.log(`[hostile] ${total} hostile requests over ${API_ROUTES.length} routes, ${fivexx} answered 5xx`);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(fivexx).toBe(0);
  });
});
