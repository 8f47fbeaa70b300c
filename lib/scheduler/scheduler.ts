import "server-only";
import { claimTick, slotOf } from "./lease";

export type Job = {
  name: string;
  intervalMs: number;
  // false: every replica runs it (the work itself is claim-safe, e.g. notification delivery)
  exclusive: boolean;
  run: () => Promise<unknown>;
  /** a tick came while this process was still running the previous one, so it did not run */
  onSkipped?: () => void;
};

type Running = { timers: NodeJS.Timeout[]; busy: Set<string> };

// Runs each job on its interval inside the server process. An exclusive job runs a slot only
// after winning that slot's database lease, so N replicas on PostgreSQL run it at most once per slot.
export function startJobs(jobs: Job[], log: (msg: string) => void = console.log): () => void {
  const state: Running = { timers: [], busy: new Set() };
  for (const job of jobs) {
    const tick = async () => {
      if (state.busy.has(job.name)) {
        job.onSkipped?.();
        return;
      }
      state.busy.add(job.name);
      try {
        const now = Date.now();
        if (job.exclusive && !(await claimTick(job.name, slotOf(now, job.intervalMs), job.intervalMs))) return;
        await job.run();
      } catch (error) {
        log(`[scheduler] ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        state.busy.delete(job.name);
      }
    };
    state.timers.push(setInterval(tick, job.intervalMs));
    setTimeout(tick, 2_000).unref();
  }
  return () => state.timers.forEach(clearInterval);
}
