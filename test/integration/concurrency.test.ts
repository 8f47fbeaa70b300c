import { describe, expect, it } from "vitest";
import { POST as claim } from "@/app/api/apps/[appId]/claim/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser } from "./support/world";

describe("concurrent claims", () => {
  it("lets exactly one of 100 parallel claims win; the other 99 get 409", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const people = await Promise.all(Array.from({ length: 100 }, () => makeUser({ teamId: team.id })));
    const results = await Promise.all(people.map((p) => call(claim, "POST", { as: p, params: { appId: app.appId } })));
    const statuses = results.map((r) => r.status);
    const winners = statuses.filter((s) => s === 200).length;
    const conflicts = statuses.filter((s) => s === 409).length;
    console.log(`[concurrency] ${process.env.INTEGRATION_DB ?? "sqlite"}: ${winners} won, ${conflicts} got 409, other: ${statuses.filter((s) => s !== 200 && s !== 409)}`);
    expect(winners).toBe(1);
    expect(conflicts).toBe(99);
    const ownership = await db().ownership.findMany({ where: { appRef: app.id } });
    expect(ownership).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 200);
    expect(ownership[0]?.ownerId).toBe(people[winner]?.id);
    expect(await db().auditEvent.count({ where: { appRef: app.id, action: "app.claimed" } })).toBe(1);
  });
});
