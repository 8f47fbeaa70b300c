import { describe, expect, it } from "vitest";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as me } from "@/app/api/me/route";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/auth/tokens";
import { call } from "./support/http";
import { makeUser } from "./support/world";

describe("API tokens", () => {
  it("shows the token once, stores only its hash, lists without it, and revokes it", async () => {
    const user = await makeUser();
    const created = await call(createToken, "POST", { as: user, body: { name: "ci bot" } });
    expect(created.status).toBe(201);
    const { id, token } = created.body;
    expect(token).toMatch(/^pop_/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id }, select: { tokenHash: true } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await call(listTokens, "GET", { as: user });
    expect(list.body.items).toEqual([expect.objectContaining({ id, name: "ci bot" })]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    expect((await call(me, "GET", { as: { token } })).body.user.email).toBe(user.email);
    expect((await call(revokeToken, "DELETE", { as: user, params: { id } })).status).toBe(204);
    expect((await call(me, "GET", { as: { token } })).status).toBe(401);
    expect((await call(listTokens, "GET", { as: user })).body.items).toEqual([]);
  });

  it("cannot revoke someone else's token (404), names a missing name (422), needs a session (401)", async () => {
    const alice = await makeUser();
    const mallory = await makeUser();
    const created = await call(createToken, "POST", { as: alice, body: { name: "mine" } });
    expect((await call(revokeToken, "DELETE", { as: mallory, params: { id: created.body.id } })).status).toBe(404);
    expect((await call(me, "GET", { as: { token: created.body.token } })).status).toBe(200);
    const bad = await call(createToken, "POST", { as: alice, body: { name: "  " } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("name");
    expect((await call(createToken, "POST", { body: { name: "x" } })).status).toBe(401);
  });
});
