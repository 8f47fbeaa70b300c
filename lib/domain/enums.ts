// The domain's words, defined once (server, client and tests import them from here). Pure data.
// Roles live beside their ranking in lib/auth/roles; escalation targets beside the policy rules
// in lib/notify/escalation-policy.

/** How loud a finding or a threshold breach is. */
export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severities that are pushed to a person; "info" is shown in the portal only. */
export const PAGING_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(["critical", "warning"]);

/** The step detectors of lib/detection/registry (in the order their findings are listed). */
export const STEP_DETECTORS = ["crash", "trend", "threshold", "anomaly"] as const;
export type DetectorName = (typeof STEP_DETECTORS)[number];

/** Every detector that can appear on a stored finding: the step detectors, no_data (which looks at the clock, not the samples) and source_down (the fleet-wide guard's). */
export const FINDING_DETECTORS = [...STEP_DETECTORS, "no_data", "source_down"] as const;
export type FindingDetector = (typeof FINDING_DETECTORS)[number];
/** Detectors that report per-app findings from a detection pass. */
export type FindingDetectorName = Exclude<FindingDetector, "source_down">;

/** Findings that say an app is down: the fleet-wide guard counts them. */
export const DOWN_DETECTORS: readonly FindingDetector[] = ["crash", "no_data"];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
