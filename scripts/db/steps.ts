// Small shared steps for scripts/db/*.ts.
import { runPrisma, type Provider } from "../../lib/db/migrate.ts";

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
}

/** `prisma generate` for both providers (lib/db/generated/{sqlite,postgres}). */
export async function generateClients(): Promise<void> {
  for (const provider of ["sqlite", "postgresql"] as Provider[]) {
    const r = await runPrisma(["generate"], { provider });
    if (r.code !== 0) throw new Error(`prisma generate (${provider}) failed:\n${r.output}`);
    console.log(`▸ generated the ${provider} client (${r.seconds.toFixed(1)} s)`);
  }
}
