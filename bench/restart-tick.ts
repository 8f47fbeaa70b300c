// The first detection tick after a restart, taken apart: runDetection in this fresh process
// (the restart), again with the states held in memory, then after clearDetectorStateCache() in the
// warm process (every state read from its checkpoint, without the first-run costs), then held
// again. Read-mostly: run it on a database a bench:fleet run left (no new samples after `now`).
//
//   node --conditions=react-server --import tsx bench/restart-tick.ts file:bench/out/fleet/history.db <now epoch ms>
process.env.SCHEDULER_ENABLED = "false";
process.env.DATABASE_URL = process.argv[2]!;
const now = Number(process.argv[3]);
const { runDetection } = await import("@/lib/findings/run-detection");
const { clearDetectorStateCache } = await import("@/lib/findings/detector-state");
const run = async (label: string) => { const t = performance.now(); const s = await runDetection({ now: new Date(now) }); console.log(label, Math.round(performance.now() - t), "ms", "rebuilt", s.rebuilt, "errors", s.errors); };
await run("fresh process (restart)");
await run("warm process, states held");
clearDetectorStateCache();
await run("warm process, states read from checkpoints");
await run("warm process, states held");
process.exit(0);
export {};
