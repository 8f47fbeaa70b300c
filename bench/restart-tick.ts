// The first detection tick after a restart, taken apart: runDetection in this fresh process
// (the restart), again with the states held in memory, then after clearDetectorStateCache() in the
// warm process (every state read from its checkpoint, without the first-run costs), then held
// again. With --warm the fresh process first does the server's start-up work (lib/scheduler/start.ts:
// the detection modules loaded, every state restored by lib/findings/warm-up.ts), timed apart.
// Read-mostly: run it on a database a bench:fleet run left (no new samples after `now`).
//
//   node --conditions=react-server --import tsx bench/restart-tick.ts file:bench/out/fleet/history.db <now epoch ms> [--warm] [--once]
process.env.SCHEDULER_ENABLED = "false";
process.env.DATABASE_URL = process.argv[2]!;
const now = Number(process.argv[3]);
if (process.argv.includes("--warm")) {
  const t = performance.now();
  const { warmUpDetection } = await import("@/lib/findings/warm-up");
  await import("@/lib/findings/run-detection");
  const loaded = performance.now() - t;
  const w = await warmUpDetection({ now: () => now });
  console.log("start-up: modules", Math.round(loaded), "ms, restore", Math.round(w.ms), "ms", "restored", w.restored, "of", w.apps, "longest slice", Math.round(w.longestSliceMs), "ms");
}
const { runDetection } = await import("@/lib/findings/run-detection");
const { clearDetectorStateCache } = await import("@/lib/findings/detector-state");
const run = async (label: string) => { const t = performance.now(); const s = await runDetection({ now: new Date(now) }); console.log(label, Math.round(performance.now() - t), "ms", "rebuilt", s.rebuilt, "errors", s.errors); };
await run("fresh process (restart)");
// --once: only the first tick (to profile the fresh process: node --cpu-prof …)
if (process.argv.includes("--once")) process.exit(0);
await run("warm process, states held");
clearDetectorStateCache();
await run("warm process, states read from checkpoints");
await run("warm process, states held");
process.exit(0);
export {};
