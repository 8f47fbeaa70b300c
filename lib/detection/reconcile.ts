import type { FindingDetectorName, Finding } from "./types";

export type Reconciliation<P> = {
  /** New findings to store as open. */
  toOpen: Finding[];
  /** Previously open findings whose condition no longer holds. */
  toResolve: P[];
  /** Previously open findings that still hold, with the current evaluation. */
  stillOpen: { previous: P; current: Finding }[];
};

/**
 * Decides which findings open and resolve, keyed by detector (one open finding per detector and
 * app). Evaluating the same data twice yields no new openings: an open finding whose detector
 * still fires stays open rather than being duplicated.
 */
export function reconcileFindings<P extends { detector: FindingDetectorName }>(
  previousOpen: readonly P[],
  current: readonly Finding[],
): Reconciliation<P> {
  const now = new Map<FindingDetectorName, Finding>();
  for (const f of current) if (!now.has(f.detector)) now.set(f.detector, f);
  const seen = new Set<FindingDetectorName>();
  const toResolve: P[] = [];
  const stillOpen: { previous: P; current: Finding }[] = [];
  for (const p of previousOpen) {
    const cur = now.get(p.detector);
    if (cur && !seen.has(p.detector)) stillOpen.push({ previous: p, current: cur });
    else toResolve.push(p);
    seen.add(p.detector);
  }
  const toOpen = [...now.values()].filter((f) => !seen.has(f.detector));
  return { toOpen, toResolve, stillOpen };
}
