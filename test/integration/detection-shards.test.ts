import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateTraffic } from "@/lib/detection";
import { runDetectionTick } from "@/lib/findings/run-detection";
import { claimShard, finishShard, openTick, shardOf } from "@/lib/findings/shards";
import { portalMetrics } from "@/lib/metrics/registry";
import { writeSamples } from "@/lib/traffic/write";
import { makeApp, makeTeam } from "./support/world";

const STEP = 60_000;
const INTERVAL = 60_000;

async function counter(name: string): Promise<number> {
  const m = await portalMetrics().registry.getSingleMetric(name)?.get();
  return (m?.values ?? []).reduce((s, v) => s + v.value, 0);
}

async function tickCount(): Promise<number> {
  const m = await portalMetrics().registry.getSingleMetric("portal_detection_tick_duration_seconds")?.get();
  return (m?.values as { metricName?: string; value: number }[] | undefined)?.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
}

describe("detection shards", () => {
  it("hands every shard of a tick to exactly one of many concurrent claimers", async () => {
    const tick = Date.UTC(2030, 0, 1, 0, 0);
    await openTick(tick, 6);
    await openTick(tick, 6); // a second replica starting the same tick inserts nothing
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => claimShard(tick, `replica-${i % 3}`)));
    const won = claims.filter((c) => c !== null).map((c) => c!.shard).sort((a, b) => a - b);
    expect(won).toEqual([0, 1, 2, 3, 4, 5]);
    const rows = await db().detectionShard.findMany({ where: { tick: BigInt(tick) } });
    expect(rows.every((r) => r.holder !== null && r.claimedAt !== null)).toBe(true);
    // done only when every shard is
    for (const r of rows.slice(0, 5)) expect(await finishShard(tick, r.shard, r.holder!, 0)).toBe(false);
    expect(await finishShard(tick, rows[5]!.shard, rows[5]!.holder!, 0)).toBe(true);
  });

  it("spreads apps over shards by id, the same way in every process", () => {
    const ids = Array.from({ length: 400 }, (_, i) => `c${i.toString(36)}x${(i * 7919).toString(36)}`);
    const per = new Array(4).fill(0);
    for (const id of ids) per[shardOf(id, 4)]++;
    for (const n of per) expect(n).toBeGreaterThan(60);
    expect(ids.map((id) => shardOf(id, 4))).toEqual(ids.map((id) => shardOf(id, 4)));
  });

  it("evaluates each app once per tick across the shards, counts it, and a second run of the tick finds nothing left", async () => {
    const team = await makeTeam();
    const apps = await Promise.all(Array.from({ length: 12 }, () => makeApp(team.id)));
    const end = Math.floor(Date.now() / INTERVAL) * INTERVAL - 10 * INTERVAL;
    for (const [k, app] of apps.entries()) {
      const s = generateTraffic({ seed: 300 + k, days: 2, stepMs: STEP, start: end - 2 * 86_400_000 + STEP, baseRps: 50 });
      await writeSamples(Array.from(s.values, (value, i) => ({ appRef: app.id, ts: s.start + i * STEP, value })));
    }
    const all = await db().app.count();
    const evaluatedBefore = await counter("portal_detection_apps_evaluated_total");
    const ticksBefore = await tickCount();
    const now = new Date(end + 30_000);
    const first = await runDetectionTick({ now, shards: 4, intervalMs: INTERVAL });
    expect(first.shards.sort()).toEqual([0, 1, 2, 3]);
    expect(first.tickDone).toBe(true);
    expect(first.apps).toBe(all);
    const rows = await db().detectionShard.findMany({ where: { tick: BigInt(first.tick) } });
    expect(rows.reduce((n, r) => n + r.apps, 0)).toBe(first.evaluated);
    expect(first.evaluated).toBeGreaterThanOrEqual(apps.length);
    expect(await counter("portal_detection_apps_evaluated_total")).toBe(evaluatedBefore + first.evaluated);
    const ticksAfter = await tickCount();
    expect(ticksAfter).toBe(ticksBefore + 1);
    // lag: the tick read every app up to `now`
    const lag = (await portalMetrics().registry.getSingleMetric("portal_detection_lag_seconds")?.get())?.values[0]?.value ?? -1;
    expect(lag).toBeGreaterThan(0);
    expect(lag).toBeLessThanOrEqual((Date.now() - now.getTime()) / 1000);
    // the same tick again (another replica, or this one late): every shard is taken
    const again = await runDetectionTick({ now: new Date(end + 40_000), shards: 4, intervalMs: INTERVAL });
    expect(again).toMatchObject({ shards: [], evaluated: 0, tickDone: false });
    // the next tick evaluates them again, from their states
    const next = await runDetectionTick({ now: new Date(end + INTERVAL + 30_000), shards: 4, intervalMs: INTERVAL });
    expect(next.evaluated).toBe(first.evaluated);
    expect(next.rebuilt).toBe(0);
  });
});
