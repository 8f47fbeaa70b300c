// The detector under evaluation and the grid of its free constants that the cross-validation
// chooses from. Every configuration is one setting for all files (no per-file constants).
import { anomalyScores } from "@/lib/detection/anomaly";
import { ANOMALY_DEFAULTS, type AnomalyOptions } from "@/lib/detection/anomaly-views";
import { inferStepMs } from "@/lib/detection/prepare";
import type { NabFile } from "./corpus";

export type Config = Required<Omit<AnomalyOptions, "stepMs">>;

/** Strictly streaming: the step comes from the first 20 rows, as a live feed would know it. */
export function scoreFile(file: NabFile, config: Partial<Config> = {}): Float64Array {
  return anomalyScores(file.values, { stepMs: inferStepMs(file.ts.subarray(0, 20)), ...config });
}

const values = {
  bins: [10, 14, 20, 28, 40],
  // 2, 4 and 8 hours (at 5-minute steps, the per-sample weights 0.04, 0.02, 0.01 of before)
  rateDays: [1 / 12, 1 / 6, 1 / 3],
  muteDays: [0.125, 0.25, 0.5],
  warmupDays: [0.5, 1, 2],
};

/** The defaults first (ties go to the earlier configuration), then every combination. */
export function grid(): Config[] {
  const out: Config[] = [{ ...ANOMALY_DEFAULTS }];
  for (const bins of values.bins)
    for (const rateDays of values.rateDays)
      for (const muteDays of values.muteDays)
        for (const warmupDays of values.warmupDays) {
          const c = { bins, rateDays, muteDays, warmupDays };
          if (!out.some((o) => JSON.stringify(o) === JSON.stringify(c))) out.push(c);
        }
  return out;
}

export const describe = (c: Config) => `bins ${c.bins}, rate memory ${+(c.rateDays * 24).toFixed(2)} h, mute ${c.muteDays} d, warm-up ${c.warmupDays} d`;
