import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { restoreStates } from "./detector-state";
import { detectionSettings, loadAppsForDetection } from "./load-apps";

// The start-up restore (docs/detection.md, "After a restart"). A fresh process holds no decoded
// detector states, so its first tick would read, decode and replay every app's checkpoint. The
// scheduler (lib/scheduler/start.ts) does that work at process start instead, in slices of
// SLICE apps with the event loop free in between (requests are served while it runs), and its
// first detection tick waits for it (at most one interval). Best effort: a failure is logged and
// the server runs on; whatever was not restored is restored by the tick as without this. A
// restored state is used only at the revision it was restored at (detector-state.ts), so another
// replica writing a state meanwhile costs that app a read, never a wrong state.

export type WarmUpSummary = {
  apps: number; restored: number; skipped: number; ms: number;
  /** The longest time the event loop was held by one slice (its queries are synchronous on SQLite). */
  longestSliceMs: number;
  /** Stopped early: a full detection pass began, or a query failed (logged). */
  stopped: boolean;
};

const SLICE = 25;

type WarmUp = { stop: boolean; done: Promise<WarmUpSummary> };
const g = globalThis as unknown as { portalWarmUp?: WarmUp };

async function run(w: WarmUp, now: () => number): Promise<WarmUpSummary> {
  const t0 = performance.now();
  const s: WarmUpSummary = { apps: 0, restored: 0, skipped: 0, ms: 0, longestSliceMs: 0, stopped: false };
  try {
    const apps = await loadAppsForDetection();
    s.apps = apps.length;
    for (let i = 0; i < apps.length; i += SLICE) {
      await nextTurn();
      if (w.stop) {
        s.stopped = true;
        break;
      }
      const t = performance.now();
      const slice = apps.slice(i, i + SLICE).map((a) => ({ appRef: a.id, settings: detectionSettings(a) }));
      const r = await restoreStates(slice, now());
      s.restored += r.restored;
      s.skipped += r.skipped;
      s.longestSliceMs = Math.max(s.longestSliceMs, performance.now() - t);
    }
  } catch (error) {
    s.stopped = true;
    console.error("[detection] start-up restore of the detector states failed (the ticks restore them instead):", error);
  }
  s.ms = performance.now() - t0;
  return s;
}

/**
 * Restores every app's detector state into this process's cache (once per process; a second call
 * returns the first one's result). Never rejects.
 */
export function warmUpDetection(opts: { now?: () => number } = {}): Promise<WarmUpSummary> {
  if (g.portalWarmUp) return g.portalWarmUp.done;
  const w: WarmUp = { stop: false, done: Promise.resolve(null as unknown as WarmUpSummary) };
  g.portalWarmUp = w;
  w.done = run(w, opts.now ?? Date.now);
  return w.done;
}

/** Waits for a start-up restore in progress, at most `maxMs`; then it stops where it is. */
export async function warmUpSettled(maxMs: number): Promise<void> {
  const w = g.portalWarmUp;
  if (!w) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([w.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
  clearTimeout(timer);
  w.stop = true;
}

/** A full detection pass began: the restore stops after its current slice (the pass restores the rest). */
export function stopWarmUp(): void {
  if (g.portalWarmUp) g.portalWarmUp.stop = true;
}
