import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as me, PATCH as patchMe } from "@/app/api/me/route";
import { GET as listApps } from "@/app/api/apps/route";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { call } from "./support/http";
import { makeUser, tokenFor, uid } from "./support/world";

async function userWithPassword(password: string) {
  const email = `login-${uid()}@test.example`;
  await db().user.create({ data: { email, name: "Login Test", passwordHash: await hashPassword(password) } });
  return email;
}

describe("POST /api/auth/login", () => {
  it("signs in with the right password and sets an httpOnly session cookie that works", async () => {
    const email = await userWithPassword("s3cret-pass");
    const r = await call(login, "POST", { body: { email: email.toUpperCase(), password: "s3cret-pass" } });
    expect(r.status).toBe(200);
    expect(r.body.user.email).toBe(email);
    const cookie = r.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/portal_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const session = cookie.split(";")[0] ?? "";
    const whoami = await call(me, "GET", { as: { id: "", email, cookie: session } });
    expect(whoami.status).toBe(200);
    expect(whoami.body.user.email).toBe(email);
  });

  it("answers 401 for a wrong password or an unknown email, without saying which", async () => {
    const email = await userWithPassword("right");
    const wrong = await call(login, "POST", { body: { email, password: "wrong" } });
    const unknown = await call(login, "POST", { body: { email: `nobody-${uid()}@x.io`, password: "right" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("names the missing field (422) and rejects malformed JSON (400)", async () => {
    const r = await call(login, "POST", { body: { email: "a@b.c" } });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toHaveProperty("password");
    const bad = await call(login, "POST", { rawBody: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
  });

  it("refuses a cross-site sign-in attempt", async () => {
    const email = await userWithPassword("pw");
    const r = await call(login, "POST", { body: { email, password: "pw" }, origin: "https://evil.example" });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("csrf_rejected");
  });
});

describe("session and tokens", () => {
  it("answers 401 without a session or with a tampered cookie", async () => {
    expect((await call(me, "GET")).status).toBe(401);
    const r = await call(me, "GET", { as: { id: "", email: "", cookie: "portal_session=Fe26.2**forged" } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("unauthorized");
  });

  it("accepts a bearer token, and refuses it after it is revoked", async () => {
    const user = await makeUser();
    const token = await tokenFor(user);
    expect((await call(listApps, "GET", { as: { token } })).status).toBe(200);
    await db().apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await call(listApps, "GET", { as: { token } })).status).toBe(401);
  });

  it("refuses a cookie-authenticated mutation from another origin but allows it same-origin", async () => {
    const user = await makeUser();
    const evil = await call(patchMe, "PATCH", { as: user, body: { name: "Mallory" }, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Mallory");
    const ok = await call(patchMe, "PATCH", { as: user, body: { name: "New Name" }, origin: "http://127.0.0.1:3000" });
    expect(ok.status).toBe(200);
    expect(ok.body.user.name).toBe("New Name");
  });

  it("a deactivated person cannot sign in, and their cookie and tokens stop working on the next request", async () => {
    const email = await userWithPassword("s3cret-pass");
    const signedIn = await call(login, "POST", { body: { email, password: "s3cret-pass" } });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const token = await tokenFor({ id: user.id, email, cookie });
    expect((await call(me, "GET", { as: { id: user.id, email, cookie } })).status).toBe(200);
    expect((await call(listApps, "GET", { as: { token } })).status).toBe(200);

    await db().user.update({ where: { id: user.id }, data: { active: false, deactivatedAt: new Date() } });
    expect((await call(me, "GET", { as: { id: user.id, email, cookie } })).status).toBe(401);
    expect((await call(listApps, "GET", { as: { token } })).status).toBe(401);
    const again = await call(login, "POST", { body: { email, password: "s3cret-pass" } });
    const wrong = await call(login, "POST", { body: { email, password: "wrong-pass" } });
    expect(again.status).toBe(401);
    expect(again.body.error).toEqual(wrong.body.error);
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("logout clears the cookie", async () => {
    const r = await call(logout, "POST");
    expect(r.status).toBe(204);
    expect(r.headers.get("set-cookie")).toMatch(/portal_session=; .*Max-Age=0/);
  });
});

describe("PATCH /api/me", () => {
  it("updates the notification contact and names bad fields", async () => {
    const user = await makeUser();
    const ok = await call(patchMe, "PATCH", { as: user, body: { notifyEmail: "Pager@Example.com", notifyWebhook: "https://hooks.example/x" } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ notifyEmail: "pager@example.com", notifyWebhook: "https://hooks.example/x" });
    const bad = await call(patchMe, "PATCH", { as: user, body: { notifyWebhook: "ftp://x" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("notifyWebhook");
    expect((await call(patchMe, "PATCH", { body: { name: "x" } })).status).toBe(401);
  });

  it("refuses webhooks into private networks and cloud metadata (422 naming notifyWebhook), and changes nothing", async () => {
    const user = await makeUser();
    // the integration config allows 127.0.0.1 (the tests' receivers); everything else local is refused
    for (const url of ["http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
      "http://[::1]:8080/", "http://192.168.1.10/", "http://[fd00::1]/", "http://0.0.0.0:22/", "http://localhost:9090/"]) {
      const bad = await call(patchMe, "PATCH", { as: user, body: { notifyWebhook: url } });
      expect(bad.status, url).toBe(422);
      expect(bad.body.error.fields, url).toHaveProperty("notifyWebhook");
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).notifyWebhook).toBeNull();
    expect(await db().outboxTask.count({ where: { kind: "grafana.contact", subject: user.email } })).toBe(0);
  });
});
