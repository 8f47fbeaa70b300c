import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { writeSamples } from "@/lib/traffic/write";
import { makeTeam, uid } from "./support/world";

// A pass over more apps than one batch of lib/findings/run-detection.ts (500 apps). On PostgreSQL
// the next batch is read, and the previous batch's quiet evaluations written, while a batch is
// stepped; on SQLite the batches run in turn. Either way every app of every batch is evaluated in
// the pass and its state row moves on exactly once, and an app of a middle batch that got a late
// sample is rebuilt without touching the others.

const APPS = 1_201; // with the apps of earlier test files, at least three batches
const STEP = 5 * 60_000;
const BASE = Date.UTC(2026, 9, 1);
const HISTORY = 24; // two hours of 5-minute samples
const tsOf = (i: number) => BASE + i * STEP;

let apps: { id: string; appId: string }[] = [];
let teamId = "";

async function statesOf() {
  const rows = await db().detectorState.findMany({
    where: { app: { teamId } },
    select: { appRef: true, watermark: true, revision: true, lateSeq: true, builtLateSeq: true },
  });
  return new Map(rows.map((r) => [r.appRef, { watermark: Number(r.watermark), revision: r.revision, lateSeq: r.lateSeq, builtLateSeq: r.builtLateSeq }]));
}

const valueOf = (k: number, i: number) => 100 + (k % 37) + (i % 5);

describe("a detection pass over several batches of apps", () => {
  beforeAll(async () => {
    const team = await makeTeam();
    teamId = team.id;
    const run = uid();
    const ids = Array.from({ length: APPS }, (_, k) => `batch-${run}-${String(k).padStart(4, "0")}`);
    await db().app.createMany({ data: ids.map((appId) => ({ appId, name: appId, teamId: team.id, searchText: appId })) });
    apps = await db().app.findMany({ where: { teamId }, select: { id: true, appId: true }, orderBy: { appId: "asc" } });
    const rows = apps.flatMap((a, k) => Array.from({ length: HISTORY }, (_, i) => ({ appRef: a.id, ts: tsOf(i), value: valueOf(k, i) })));
    await writeSamples(rows, tsOf(HISTORY));
  });

  // the integration database is shared by the files that run after this one, and some of them
  // read every row (the hostile matrix fingerprints the whole database per cell): 1,201 apps
  // with their states and findings left behind made that file take 470 s instead of ~30–70 s
  afterAll(async () => {
    await db().app.deleteMany({ where: { teamId } });
    await db().team.delete({ where: { id: teamId } });
  });

  it("evaluates every app of every batch once per pass, and moves each state on once", async () => {
    const cold = await runDetection({ now: new Date(tsOf(HISTORY)) });
    expect(cold.errors).toBe(0);
    expect(cold.conflicts).toBe(0);
    expect(cold.evaluated).toBeGreaterThanOrEqual(APPS);
    const before = await statesOf();
    expect(before.size).toBe(APPS);
    for (const s of before.values()) expect(s.watermark).toBe(tsOf(HISTORY - 1));

    // one new sample per app, and for one app of the middle batch also a late one (at or before
    // its watermark): that app is rebuilt from history on the next pass
    const late = apps[700] as { id: string };
    await writeSamples(apps.map((a, k) => ({ appRef: a.id, ts: tsOf(HISTORY), value: valueOf(k, HISTORY) })), tsOf(HISTORY + 1));
    await writeSamples([{ appRef: late.id, ts: tsOf(10), value: 90 }], tsOf(HISTORY + 1));
    expect((await statesOf()).get(late.id)?.lateSeq).toBe((before.get(late.id)?.lateSeq ?? 0) + 1);

    const steady = await runDetection({ now: new Date(tsOf(HISTORY + 1)) });
    expect(steady.errors).toBe(0);
    expect(steady.conflicts).toBe(0);
    expect(steady.evaluated).toBeGreaterThanOrEqual(APPS);
    expect(steady.rebuilt).toBeGreaterThanOrEqual(1);
    const after = await statesOf();
    const wrong: string[] = [];
    for (const a of apps) {
      const b = before.get(a.id);
      const s = after.get(a.id);
      if (!b || !s || s.watermark !== tsOf(HISTORY) || s.revision !== b.revision + 1) {
        wrong.push(`${a.appId}: ${JSON.stringify({ before: b, after: s })}`);
      }
    }
    expect(wrong).toEqual([]);
    const rebuilt = after.get(late.id);
    expect(rebuilt?.builtLateSeq).toBe(rebuilt?.lateSeq);
  });
});
