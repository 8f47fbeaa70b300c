import "server-only";
import { db } from "@/lib/db/client";
import { INTERVAL_Z, NOMINAL_OUTSIDE } from "@/lib/detection";
import { appRefOf } from "@/lib/ownership/load";

export type PredictionView = {
  appId: string;
  /** null until the detection has evaluated the app. */
  evaluatedAt: string | null;
  observed: number | null;
  expected: number | null;
  /** The 99 % prediction interval of the latest sample (req/s); null before the model predicts. */
  low: number | null;
  high: number | null;
  level: 0.99;
  /** Share of the last week's checked samples that fell outside their interval; null: none yet. */
  outsideShare: number | null;
  samples: number;
  /** What a calibrated interval gives (0.01). */
  expectedOutsideShare: number;
  /** The interval is the prediction ± z × the model's mean absolute error. */
  z: number;
};

// What the detection predicted for the app, and how often reality fell outside it (AppSignal).
export async function appPrediction(appId: string): Promise<PredictionView> {
  const appRef = await appRefOf(appId);
  const s = await db().appSignal.findUnique({ where: { appRef } });
  return {
    appId,
    evaluatedAt: s?.evaluatedAt.toISOString() ?? null,
    observed: s?.observed ?? null,
    expected: s?.expected ?? null,
    low: s?.predLow ?? null,
    high: s?.predHigh ?? null,
    level: 0.99,
    outsideShare: s?.outsideShare ?? null,
    samples: s?.calibrationSamples ?? 0,
    expectedOutsideShare: NOMINAL_OUTSIDE,
    z: INTERVAL_Z,
  };
}
