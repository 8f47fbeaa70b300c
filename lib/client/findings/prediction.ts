"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api";
import { queryKeys } from "../query-keys";
import { FINDINGS_POLL_MS } from "./constants";
import { formatRps } from "./format";
import type { PredictionView } from "@/lib/findings/prediction";

/** GET /api/apps/{appId}/prediction: the server's own view type (a type-only import). */
export type { PredictionView };

export function usePrediction(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.prediction(appId),
    queryFn: ({ signal }) => apiFetch<PredictionView>(`/api/apps/${encodeURIComponent(appId)}/prediction`, { signal }),
    refetchInterval: FINDINGS_POLL_MS,
  });
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)} %`;

/** The band, one sentence ("Expected 98.2–142.8 req/s (99 % interval) for the latest sample."). */
export function bandSentence(p: PredictionView): string | null {
  if (p.low === null || p.high === null) return null;
  return `Expected ${formatRps(p.low).replace(" req/s", "")}–${formatRps(p.high)} (${Math.round(p.level * 100)} % interval) for the latest sample.`;
}

/** How often reality fell outside, and whether that is what a calibrated interval gives. */
export function calibrationSentence(p: PredictionView): string {
  if (p.outsideShare === null || p.samples === 0) return "No calibration yet: the detection needs a day of traffic to predict from.";
  const verdict =
    p.outsideShare <= 3 * p.expectedOutsideShare
      ? "the detector's model fits this app"
      : "more than expected: this app's traffic is noisier or changes faster than the model assumes, so treat its findings with care";
  return `Reality fell outside it in ${pct(p.outsideShare)} of the last ${p.samples.toLocaleString("en")} samples (expected ≈ ${pct(p.expectedOutsideShare)}): ${verdict}.`;
}
