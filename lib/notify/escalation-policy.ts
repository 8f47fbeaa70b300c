// Pure: a team's escalation policy and when each of its steps is due. Domain words defined once.

export const ESCALATION_TARGETS = ["backup", "lead", "admins"] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export type EscalationStep = { after: string; notify: EscalationTarget };
export type EscalationPolicy = { steps: EscalationStep[]; repeat: number };

export const MAX_STEPS = 5;
export const MAX_REPEAT = 3;

/** What a team without its own policy gets: the backup after 10 minutes, then the lead after 20. */
export const DEFAULT_POLICY: EscalationPolicy = {
  steps: [
    { after: "10m", notify: "backup" },
    { after: "20m", notify: "lead" },
  ],
  repeat: 0,
};

/** "10m" / "2h" → milliseconds; null when it is not whole minutes or hours. */
export function afterMs(after: string): number | null {
  const m = /^(\d{1,4})(m|h)$/.exec(after.trim());
  if (!m) return null;
  return Number(m[1]) * (m[2] === "h" ? 3_600_000 : 60_000);
}

export type ScheduledStep = {
  /** 1-based across repeats: what Finding.escalationSteps counts. */
  number: number;
  /** 1-based position in the policy (the `step` label of portal_escalations_total). */
  position: number;
  notify: EscalationTarget;
  /** Time after the finding opened (unscaled). */
  offsetMs: number;
};

/** Every step in order: the policy's steps, then again `repeat` times, each round after the last step's delay. */
export function schedule(policy: EscalationPolicy): ScheduledStep[] {
  const offsets = policy.steps.map((s) => afterMs(s.after) ?? 0);
  const round = offsets.at(-1) ?? 0;
  const out: ScheduledStep[] = [];
  for (let r = 0; r <= policy.repeat; r++) {
    policy.steps.forEach((s, i) => {
      out.push({ number: out.length + 1, position: i + 1, notify: s.notify, offsetMs: r * round + (offsets[i] ?? 0) });
    });
  }
  return out;
}

/**
 * The next step to take for a finding that opened at `openedMs` and has taken `done` steps,
 * if it is due at `nowMs`; `scale` shortens every delay (ESCALATION_TIME_SCALE, 1 in production).
 */
export function nextDueStep(policy: EscalationPolicy, done: number, openedMs: number, nowMs: number, scale = 1): ScheduledStep | null {
  const next = schedule(policy)[done];
  if (!next) return null;
  return openedMs + next.offsetMs * scale <= nowMs ? next : null;
}

/** Reads a stored policy row (JSON text), falling back to the default for anything unreadable. */
export function policyFromRow(row: { steps: string; repeat: number } | null): EscalationPolicy {
  if (!row) return DEFAULT_POLICY;
  try {
    const steps = JSON.parse(row.steps) as EscalationStep[];
    if (!Array.isArray(steps) || steps.length === 0) return DEFAULT_POLICY;
    return { steps, repeat: row.repeat };
  } catch {
    return DEFAULT_POLICY;
  }
}
