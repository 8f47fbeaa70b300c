import "server-only";
import { portalMetrics } from "./registry";
import { loadSnapshot } from "./load-snapshot";

/** One scrape: database gauges refreshed in their collect(), then the exposition text. */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const metrics = portalMetrics();
  metrics.setDatabaseSource(loadSnapshot);
  const body = await metrics.registry.metrics();
  return { body, contentType: metrics.registry.contentType };
}
