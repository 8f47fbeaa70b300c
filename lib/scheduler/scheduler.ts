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
  /**
   * Run at the start of each slot (multiples of intervalMs since the epoch, plus `alignDelayMs`)
   * instead of intervalMs after the process started, so every replica starts a tick together
   * (the detection shards them).
   */
  aligned?: boolean;
};

export const ALIGN_DELAY_MS = 1_000;

type Running = { timers: NodeJS.Timeout[]; busy: Set<string> };

// Runs each job on its interval inside the server process. A tick that finds the previous run of
// its job still going does not start (onSkipped): a run longer than the interval delays the next
// one to the first tick after it ends — never two at once, never a backlog of runs. An exclusive job runs a slot only
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
    if (job.aligned) {
      const wait = job.intervalMs - (Date.now() % job.intervalMs) + ALIGN_DELAY_MS;
      const first = setTimeout(() => {
        void tick();
        state.timers.push(setInterval(tick, job.intervalMs));
      }, wait);
      state.timers.push(first);
      setTimeout(tick, 2_000).unref();
      continue;
    }
    state.timers.push(setInterval(tick, job.intervalMs));
    setTimeout(tick, 2_000).unref();
  }
  return () => state.timers.forEach((t) => {
    clearInterval(t);
    clearTimeout(t);
  });
}
