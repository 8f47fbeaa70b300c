// Next.js calls register() once when a server process starts: the place for in-process jobs.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/scheduler/start");
  startScheduler();
}
