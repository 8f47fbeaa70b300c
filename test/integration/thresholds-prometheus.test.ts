import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PUT as putThresholds } from "@/app/api/apps/[appId]/thresholds/route";
import { PUT as setBackup } from "@/app/api/apps/[appId]/backup/route";
import { GET as rules } from "@/app/api/prometheus/rules/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeWorld, tokenFor } from "./support/world";

type Rule = { alert: string; expr: string; for: string; labels: Record<string, string>; annotations: Record<string, string> };
type File = { groups: { name: string; rules: Rule[] }[] };

const body = { floorRps: 10, for: "5m", severity: "warning", enabled: true, reason: "alerting" };

async function fetchRules(token: string) {
  const res = await rules(new Request("http://127.0.0.1:3000/api/prometheus/rules", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

describe("GET /api/prometheus/rules", () => {
  it("serves every enabled app's current thresholds as a rules file promtool accepts", async () => {
    const w = await makeWorld();
    const [loud, paused, repaused, bare] = await Promise.all([
      makeApp(w.team.id, w.owner.id),
      makeApp(w.team.id, w.owner.id),
      makeApp(w.team.id, w.owner.id),
      makeApp(w.team.id),
    ]);
    await call(setBackup, "PUT", { as: w.owner, params: { appId: loud.appId }, body: { email: w.engineer.email } });
    await db().user.update({ where: { id: w.owner.id }, data: { awayUntil: new Date(Date.now() + 86_400_000) } });
    await call(putThresholds, "PUT", { as: w.engineer, params: { appId: loud.appId }, body: { ...body, ceilingRps: 900, maxWeeklyDropPercent: 25, for: "10m", severity: "critical" } });
    await call(putThresholds, "PUT", { as: w.lead, params: { appId: paused.appId }, body: { ...body, enabled: false } });
    await call(putThresholds, "PUT", { as: w.lead, params: { appId: repaused.appId }, body });
    await call(putThresholds, "PUT", { as: w.lead, params: { appId: repaused.appId }, body: { ...body, enabled: false, reason: "noisy" } });
    await call(putThresholds, "PUT", { as: w.lead, params: { appId: bare.appId }, body: { ...body, floorRps: 2 } });

    const r = await fetchRules(await tokenFor(w.engineer));
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/yaml/);
    const file = parse(r.text) as File;
    const group = file.groups.find((g) => g.name === `ownership-portal-${w.team.slug}`);
    expect(group?.rules.map((x) => `${x.labels.app}:${x.alert}`).sort()).toEqual(
      [`${loud.appId}:AppTrafficBelowFloor`, `${loud.appId}:AppTrafficAboveCeiling`, `${loud.appId}:AppTrafficWeeklyDrop`, `${bare.appId}:AppTrafficBelowFloor`].sort(),
    );
    const floor = group?.rules.find((x) => x.labels.app === loud.appId && x.alert === "AppTrafficBelowFloor");
    expect(floor).toMatchObject({
      expr: `(sum(rate(http_requests_total{app="${loud.appId}"}[5m])) or on() vector(0)) < 10`,
      for: "10m",
      // the owner is away, so the backup answers
      labels: { team: w.team.slug, severity: "critical", owner: w.owner.email, responder: w.engineer.email },
      annotations: { portal_url: `http://127.0.0.1:3000/apps/${loud.appId}` },
    });
    expect(group?.rules.find((x) => x.labels.app === bare.appId)?.labels).toMatchObject({ owner: "none", responder: "none" });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-rules-"));
    try {
      fs.writeFileSync(path.join(dir, "rules.yml"), r.text);
      expect(execFileSync("promtool", ["check", "rules", path.join(dir, "rules.yml")], { encoding: "utf8" })).toMatch(/SUCCESS/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 401 without a session or token", async () => {
    const res = await rules(new Request("http://127.0.0.1:3000/api/prometheus/rules"), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
  });
});
