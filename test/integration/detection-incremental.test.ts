import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decodeState, encodeState, generateTraffic, settingsKey } from "@/lib/detection";
import { advanceApp, checkpointDue, clearDetectorStateCache, heldState, loadStateRows, StateConflict } from "@/lib/findings/detector-state";
import { warmUpDetection } from "@/lib/findings/warm-up";
import { loadAppsForDetection } from "@/lib/findings/load-apps";
import { persistEvaluation, persistQuiet } from "@/lib/findings/persist";
import { runDetection } from "@/lib/findings/run-detection";
import { writeSamples } from "@/lib/traffic/write";
import { makeApp, makeTeam } from "./support/world";

// Persisted incremental detection (lib/findings/detector-state.ts) against a real database:
// app A is evaluated tick after tick from its stored state; its twin B gets the same samples but
// has its state deleted before every tick, so B is always a fresh full pass over the history
// (what run-detection did before). A and B must agree after every tick.

const STEP = 5 * 60_000;
const BASE = Date.UTC(2026, 10, 1);
const N = 4 * 288; // four days of 5-minute samples
const series = generateTraffic({
  seed: 21, days: 4, stepMs: STEP, start: BASE, baseRps: 150, noise: 0.08, outlierRate: 0.003,
  crash: { atSample: 1000, samples: 20 }, spike: { atSample: 1090, samples: 3, factor: 5 },
});
const tsOf = (i: number) => BASE + i * STEP;
// two silences of the sender (samples never sent): one in the history a state is built from, a
// longer one among the chunks a state is stepped over; no_data tolerates twice the longest
const SILENT = new Set([...Array.from({ length: 12 }, (_, k) => 400 + k), ...Array.from({ length: 18 }, (_, k) => 1095 + k)]);

type Twin = { a: { id: string; appId: string }; b: { id: string; appId: string } };
let twin: Twin;

async function write(appRef: string, from: number, to: number, value?: (i: number) => number) {
  const rows = [];
  for (let i = from; i < to; i++) if (value || !SILENT.has(i)) rows.push({ appRef, ts: tsOf(i), value: value ? value(i) : (series.values[i] as number) });
  await writeSamples(rows);
}

async function findingsOf(app: { id: string; appId: string }) {
  const rows = await db().finding.findMany({ where: { appRef: app.id }, orderBy: [{ detector: "asc" }, { startedAt: "asc" }] });
  return rows.map((f) => ({
    detector: f.detector, severity: f.severity, status: f.status, startedAt: f.startedAt.getTime(), resolvedAt: f.resolvedAt?.getTime() ?? null,
    observed: f.observed, expected: f.expected, deviation: f.deviation, windowFrom: f.windowFrom.getTime(), windowTo: f.windowTo.getTime(),
    explanation: f.explanation.replaceAll(app.appId, "APP"),
  }));
}

async function signalOf(appRef: string) {
  const s = await db().appSignal.findUnique({ where: { appRef } });
  return s && { anomalyScore: s.anomalyScore, trendPerDay: s.trendPerDay, expected: s.expected, observed: s.observed, evaluatedAt: s.evaluatedAt.getTime() };
}

async function stateText(appRef: string) {
  const s = await db().detectorState.findUniqueOrThrow({ where: { appRef } });
  return { bytes: Buffer.from(s.state).toString("base64"), watermark: Number(s.watermark), lateSeq: s.lateSeq, builtLateSeq: s.builtLateSeq, revision: s.revision };
}

/** One tick for both: A from its state, B from scratch (its state deleted first). */
async function tickBoth(now: number) {
  await db().detectorState.deleteMany({ where: { appRef: twin.b.id } });
  const a = await runDetection({ appId: twin.a.appId, now: new Date(now) });
  const b = await runDetection({ appId: twin.b.appId, now: new Date(now) });
  expect(b.rebuilt).toBe(1);
  expect(await findingsOf(twin.a)).toEqual(await findingsOf(twin.b));
  expect(await signalOf(twin.a.id)).toEqual(await signalOf(twin.b.id));
  return a;
}

/**
 * A's state as a fresh process restores it (its stored checkpoint stepped over the samples after
 * the checkpoint's watermark) is B's, byte for byte; and the rows' watermarks agree.
 */
async function expectSameState() {
  const [a, b] = [await stateText(twin.a.id), await stateText(twin.b.id)];
  expect(a.watermark).toBe(b.watermark);
  clearDetectorStateCache();
  const row = (await loadStateRows([twin.a.id])).get(twin.a.id) ?? null;
  const settings = { appName: twin.a.appId, thresholds: (await loadAppsForDetection(twin.a.appId))[0]?.thresholdsForDetection ?? null, evaluationIntervalMs: 3_600_000 };
  const restored = await advanceApp(twin.a.id, settings, row, { now: a.watermark + 1, lookbackMs: 15 * 86_400_000, timed: false });
  expect(restored?.rebuilt ?? null).toBeNull();
  const state = restored?.update?.state ?? heldState(twin.a.id);
  expect(state && Buffer.from(encodeState(state)).toString("base64")).toBe(b.bytes);
  clearDetectorStateCache();
}

/** A new process: no decoded states, no traffic keys, no start-up restore run yet. */
function restartProcess() {
  clearDetectorStateCache();
  const g = globalThis as { portalTrafficKeys?: unknown; portalWarmUp?: unknown };
  g.portalTrafficKeys = undefined;
  g.portalWarmUp = undefined;
}

/** The state this process holds for A after a tick is B's (a fresh full pass), byte for byte. */
async function expectHeldIsFresh() {
  const held = heldState(twin.a.id);
  expect(held).toBeDefined();
  expect(held && Buffer.from(encodeState(held)).toString("base64")).toBe((await stateText(twin.b.id)).bytes);
}

beforeAll(async () => {
  const team = await makeTeam();
  twin = { a: await makeApp(team.id), b: await makeApp(team.id) };
  // the apps' names differ, and a state depends on nothing that names the app
  expect(settingsKey({ appName: twin.a.appId })).toBe(settingsKey({ appName: twin.b.appId }));
});

describe("incremental detection in the server", () => {
  let done = 0;

  /** Two new samples for both apps: A steps the state it holds (no rebuild) and matches B's fresh pass. */
  async function stepsWithoutRebuild() {
    await write(twin.a.id, done, done + 2);
    await write(twin.b.id, done, done + 2);
    done += 2;
    expect(await tickBoth(tsOf(done - 1) + 60_000)).toMatchObject({ evaluated: 1, rebuilt: 0 });
    await expectHeldIsFresh();
    await expectSameState();
  }

  it("gives, tick after tick in chunks of any size, the findings and signals of a fresh full pass", async () => {
    done = 700;
    await write(twin.a.id, 0, done);
    await write(twin.b.id, 0, done);
    const first = await tickBoth(tsOf(done - 1) + 60_000);
    expect(first.rebuilt).toBe(1);
    const chunks = [1, 7, 100, 2, 60, 3, 130, 1, 40, 12, 5, 30, 10, 25, 6];
    let stepped = 0;
    for (const size of chunks) {
      const to = Math.min(N - 20, done + size);
      await write(twin.a.id, done, to);
      await write(twin.b.id, done, to);
      done = to;
      const a = await tickBoth(tsOf(done - 1) + 60_000);
      // A only stepped its stored state over the new samples
      expect(a).toMatchObject({ evaluated: 1, rebuilt: 0, conflicts: 0 });
      stepped++;
    }
    expect(stepped).toBe(chunks.length);
    await expectSameState();
    // the crash opened and resolved between ticks: the chunks saw real findings
    const detectors = new Set((await findingsOf(twin.a)).map((f) => f.detector));
    expect(detectors.has("crash")).toBe(true);
    expect((await findingsOf(twin.a)).some((f) => f.detector === "crash" && f.status === "resolved")).toBe(true);
    // a tick without new samples writes no state and opens nothing new
    const before = await stateText(twin.a.id);
    await tickBoth(tsOf(done - 1) + 120_000);
    expect((await stateText(twin.a.id)).revision).toBe(before.revision);
    // no_data: the stepped state remembers the 95-minute silence, so 150 minutes without samples
    // is still tolerated (2 × 95 min), 4 hours is not — on both twins
    await tickBoth(tsOf(done - 1) + 150 * 60_000);
    expect(await db().finding.count({ where: { appRef: twin.a.id, detector: "no_data", status: "open" } })).toBe(0);
    await tickBoth(tsOf(done - 1) + 240 * 60_000);
    expect(await db().finding.count({ where: { appRef: twin.a.id, detector: "no_data", status: "open" } })).toBe(1);
  });

  it("rebuilds a state from history when a sample arrives at or before its watermark, and matches a fresh pass", async () => {
    const before = await stateText(twin.a.id);
    // a late sample: an earlier step re-sent with another value
    const late = done - 30;
    await write(twin.a.id, late, late + 1, () => 0);
    await write(twin.b.id, late, late + 1, () => 0);
    const marked = await stateText(twin.a.id);
    expect(marked.lateSeq).toBe(before.lateSeq + 1);
    const a = await tickBoth(tsOf(done - 1) + 60_000);
    expect(a).toMatchObject({ evaluated: 1, rebuilt: 1 });
    const after = await stateText(twin.a.id);
    expect(after.builtLateSeq).toBe(after.lateSeq);
    await expectSameState();
    // and the next tick steps again
    await write(twin.a.id, done, done + 3);
    await write(twin.b.id, done, done + 3);
    done += 3;
    expect(await tickBoth(tsOf(done - 1) + 60_000)).toMatchObject({ evaluated: 1, rebuilt: 0 });
  });

  it("restores the state from the database after a restart instead of rebuilding it", async () => {
    // a new process: no decoded states, no traffic keys
    clearDetectorStateCache();
    (globalThis as { portalTrafficKeys?: unknown }).portalTrafficKeys = undefined;
    await write(twin.a.id, done, done + 4);
    await write(twin.b.id, done, done + 4);
    done += 4;
    expect(await tickBoth(tsOf(done - 1) + 60_000)).toMatchObject({ evaluated: 1, rebuilt: 0 });
    await expectSameState();
  });

  it("restores the states at start-up, and the first tick then steps the restored state and matches a fresh pass", async () => {
    // ticks until A's stored checkpoint is older than its row (a quiet step rewrites no state
    // unless a checkpoint is due), so the restore has samples to replay
    const checkpointBehind = async () => {
      const r = await db().detectorState.findUniqueOrThrow({ where: { appRef: twin.a.id } });
      return decodeState<{ watermark: number }>(r.state).watermark < Number(r.watermark);
    };
    for (let k = 0; k < 6 && !(await checkpointBehind()); k++) {
      await write(twin.a.id, done, done + 1);
      await write(twin.b.id, done, done + 1);
      done += 1;
      await tickBoth(tsOf(done - 1) + 60_000);
    }
    expect(await checkpointBehind()).toBe(true);
    // (B is rebuilt every tick: its stored state is the state at its row's watermark)
    const bBytes = (await stateText(twin.b.id)).bytes;

    // a new process: the scheduler's start-up restore, then samples arrive, then the first tick
    restartProcess();
    const now = () => tsOf(done - 1) + 60_000;
    const w = await warmUpDetection({ now });
    expect(w.stopped).toBe(false);
    expect(w.restored).toBeGreaterThanOrEqual(1);
    // held at the row's revision, and it is the state the last writer had (B's, byte for byte)
    const held = heldState(twin.a.id);
    expect(held && Buffer.from(encodeState(held)).toString("base64")).toBe(bBytes);
    await stepsWithoutRebuild();
  });

  it("uses a state restored at start-up only while its revision is still the stored one (another replica wrote meanwhile)", async () => {
    restartProcess();
    const w = await warmUpDetection({ now: () => tsOf(done - 1) + 60_000 });
    expect(w.restored).toBeGreaterThanOrEqual(1);
    const restored = (globalThis as { portalDetectorStates?: unknown }).portalDetectorStates;
    const revision = (await stateText(twin.a.id)).revision;
    // another replica: a late sample (an earlier step re-sent with another value) makes it
    // rebuild A's state and write a new revision; this process still holds the old state
    const late = done - 10;
    await write(twin.a.id, late, late + 1, () => 1);
    await write(twin.b.id, late, late + 1, () => 1);
    clearDetectorStateCache();
    expect(await tickBoth(tsOf(done - 1) + 60_000)).toMatchObject({ evaluated: 1, rebuilt: 1 });
    expect((await stateText(twin.a.id)).revision).toBe(revision + 1);
    (globalThis as { portalDetectorStates?: unknown }).portalDetectorStates = restored;
    // this process's next tick must not step the stale state (it fed the old value)
    await stepsWithoutRebuild();
  });

  it("applies a threshold change on the next tick (the settings key changes: rebuild)", async () => {
    for (const app of [twin.a, twin.b]) {
      await db().thresholdVersion.create({
        data: { appRef: app.id, version: 1, floorRps: 10_000, forDuration: "10m", severity: "critical", enabled: true, reason: "test" },
      });
    }
    const a = await tickBoth(tsOf(done - 1) + 60_000);
    expect(a).toMatchObject({ evaluated: 1, rebuilt: 1 });
    const open = await db().finding.findMany({ where: { appRef: twin.a.id, status: "open" } });
    expect(open.map((f) => f.detector)).toContain("threshold");
    await expectSameState();
    // and steps again from then on
    await write(twin.a.id, done, done + 2);
    await write(twin.b.id, done, done + 2);
    done += 2;
    expect(await tickBoth(tsOf(done - 1) + 60_000)).toMatchObject({ evaluated: 1, rebuilt: 0 });
  });
});

describe("two writers of one state", () => {
  it("lets only one of two ticks that read the same revision write (the other's findings roll back)", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    await write(app.id, 0, 600);
    await runDetection({ appId: app.appId, now: new Date(tsOf(599) + 60_000) });
    await write(app.id, 600, 610);
    const [d] = await loadAppsForDetection(app.appId);
    const row = (await loadStateRows([app.id])).get(app.id) ?? null;
    expect(row).not.toBeNull();
    const settings = { appName: app.appId, thresholds: null, evaluationIntervalMs: 3_600_000 };
    const opts = { now: tsOf(609) + 60_000, lookbackMs: 15 * 86_400_000, timed: false };
    const one = await advanceApp(app.id, settings, row, opts);
    const two = await advanceApp(app.id, settings, row, opts);
    expect(one?.update && two?.update).toBeTruthy();
    const now = new Date(opts.now);
    await persistEvaluation(d!, one!.result, now, one!.update);
    await expect(persistEvaluation(d!, two!.result, now, two!.update)).rejects.toBeInstanceOf(StateConflict);
    expect((await stateText(app.id)).revision).toBe(row!.revision + 1);
  });

  it("keeps the batch write of quiet evaluations to one winner per revision, and the other apps of the batch unaffected", async () => {
    const team = await makeTeam();
    const [app, other] = [await makeApp(team.id), await makeApp(team.id)];
    for (const x of [app, other]) await write(x.id, 0, 600);
    await runDetection({ appId: app.appId, now: new Date(tsOf(599) + 60_000) });
    await runDetection({ appId: other.appId, now: new Date(tsOf(599) + 60_000) });
    for (const x of [app, other]) await write(x.id, 600, 603);
    const rows = await loadStateRows([app.id, other.id]);
    const opts = { now: tsOf(602) + 60_000, lookbackMs: 15 * 86_400_000, timed: false };
    const settingsOf = (appId: string) => ({ appName: appId, thresholds: null, evaluationIntervalMs: 3_600_000 });
    const one = await advanceApp(app.id, settingsOf(app.appId), rows.get(app.id) ?? null, opts);
    const two = await advanceApp(app.id, settingsOf(app.appId), rows.get(app.id) ?? null, opts);
    const third = await advanceApp(other.id, settingsOf(other.appId), rows.get(other.id) ?? null, opts);
    const [d] = await loadAppsForDetection(app.appId);
    const [e] = await loadAppsForDetection(other.appId);
    const now = new Date(opts.now);
    const first = await persistQuiet([{ app: d!, result: one!.result, update: one!.update }], now);
    expect(first.get(app.id)).toMatchObject({ revision: rows.get(app.id)!.revision + 1 });
    const second = await persistQuiet([{ app: d!, result: two!.result, update: two!.update }, { app: e!, result: third!.result, update: third!.update }], now);
    expect(second.get(app.id)).toBe("conflict");
    expect(second.get(other.id)).toMatchObject({ revision: rows.get(other.id)!.revision + 1, slipped: false });
    expect((await stateText(app.id)).revision).toBe(rows.get(app.id)!.revision + 1);
    expect((await stateText(app.id)).watermark).toBe(tsOf(602));
    expect((await signalOf(other.id))?.evaluatedAt).toBe(tsOf(602));
  });

  it("writes, in a batch of quiet evaluations, each due checkpoint to its own app and no state bytes to the others", async () => {
    const team = await makeTeam();
    const apps = [await makeApp(team.id), await makeApp(team.id), await makeApp(team.id), await makeApp(team.id), await makeApp(team.id)];
    // different histories, so every app's state bytes differ
    for (const [k, x] of apps.entries()) await write(x.id, 0, 600, (i) => 100 + k * 40 + (i % 7));
    for (const x of apps) await runDetection({ appId: x.appId, now: new Date(tsOf(599) + 60_000) });
    for (const [k, x] of apps.entries()) await write(x.id, 600, 603, (i) => 100 + k * 40 + (i % 7));
    // apps 0, 2 and 4 are due a checkpoint at their next revision, 1 and 3 are not
    for (const [k, x] of apps.entries()) {
      let r = 1;
      while (checkpointDue(x.id, r + 1) !== (k % 2 === 0)) r++;
      await db().detectorState.update({ where: { appRef: x.id }, data: { revision: r } });
    }
    const before = new Map(await Promise.all(apps.map(async (x) => [x.id, (await stateText(x.id)).bytes] as const)));
    const rows = await loadStateRows(apps.map((x) => x.id));
    const opts = { now: tsOf(602) + 60_000, lookbackMs: 15 * 86_400_000, timed: false };
    const items = [];
    for (const x of apps) {
      const adv = await advanceApp(x.id, { appName: x.appId, thresholds: null, evaluationIntervalMs: 3_600_000 }, rows.get(x.id) ?? null, opts);
      const [d] = await loadAppsForDetection(x.appId);
      expect(adv?.update?.previous).toBeTruthy();
      items.push({ app: d!, result: adv!.result, update: adv!.update });
    }
    const out = await persistQuiet(items, new Date(opts.now));
    for (const [k, x] of apps.entries()) {
      const s = await stateText(x.id);
      expect(out.get(x.id)).toMatchObject({ revision: rows.get(x.id)!.revision + 1 });
      expect(s.watermark).toBe(tsOf(602));
      const wrote = Buffer.from(encodeState(items[k]!.update!.state)).toString("base64");
      if (k % 2 === 0) expect(s.bytes).toBe(wrote);
      else expect(s.bytes).toBe(before.get(x.id));
      expect(s.bytes).not.toBe(k % 2 === 0 ? before.get(x.id) : wrote);
    }
  });

  it("notices a sample stored between a tick's read and its write, and rebuilds next tick", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    await write(app.id, 0, 600);
    await runDetection({ appId: app.appId, now: new Date(tsOf(599) + 60_000) });
    // 600 is skipped for now, 601-602 arrive
    await write(app.id, 601, 603);
    const [d] = await loadAppsForDetection(app.appId);
    const row = (await loadStateRows([app.id])).get(app.id) ?? null;
    const settings = { appName: app.appId, thresholds: null, evaluationIntervalMs: 3_600_000 };
    const adv = await advanceApp(app.id, settings, row, { now: tsOf(602) + 60_000, lookbackMs: 15 * 86_400_000, timed: false });
    // 600 arrives after the read: newer than the stored watermark, so ingest cannot flag it
    await write(app.id, 600, 601);
    expect((await stateText(app.id)).lateSeq).toBe(row!.lateSeq);
    const out = await persistEvaluation(d!, adv!.result, new Date(tsOf(602) + 60_000), adv!.update);
    expect(out.slipped).toBe(true);
    const s = await stateText(app.id);
    expect(s.lateSeq).not.toBe(s.builtLateSeq);
    expect(await runDetection({ appId: app.appId, now: new Date(tsOf(602) + 60_000) })).toMatchObject({ evaluated: 1, rebuilt: 1 });
  });

  it("notices it in the batch write of quiet evaluations too: that app is marked, the other of the batch is not", async () => {
    const team = await makeTeam();
    const [app, other] = [await makeApp(team.id), await makeApp(team.id)];
    for (const x of [app, other]) await write(x.id, 0, 600);
    for (const x of [app, other]) await runDetection({ appId: x.appId, now: new Date(tsOf(599) + 60_000) });
    // app: 600 is skipped for now, 601-602 arrive; other: 600-602
    await write(app.id, 601, 603);
    await write(other.id, 600, 603);
    const rows = await loadStateRows([app.id, other.id]);
    const opts = { now: tsOf(602) + 60_000, lookbackMs: 15 * 86_400_000, timed: false };
    const items = [];
    for (const x of [app, other]) {
      const adv = await advanceApp(x.id, { appName: x.appId, thresholds: null, evaluationIntervalMs: 3_600_000 }, rows.get(x.id) ?? null, opts);
      const [d] = await loadAppsForDetection(x.appId);
      expect(adv?.update?.previous).toBeTruthy();
      items.push({ app: d!, result: adv!.result, update: adv!.update });
    }
    await write(app.id, 600, 601);
    const out = await persistQuiet(items, new Date(opts.now));
    expect(out.get(app.id)).toMatchObject({ revision: rows.get(app.id)!.revision + 1, slipped: true });
    expect(out.get(other.id)).toMatchObject({ revision: rows.get(other.id)!.revision + 1, slipped: false });
    expect((await stateText(app.id)).lateSeq).toBe(rows.get(app.id)!.lateSeq + 1);
    expect((await stateText(other.id)).lateSeq).toBe(rows.get(other.id)!.lateSeq);
    expect(await runDetection({ appId: app.appId, now: new Date(opts.now) })).toMatchObject({ evaluated: 1, rebuilt: 1 });
  });
});
