// Prometheus duration strings ("5m", "1h30m", "0s"), the format Grafana's `for` field takes.
const UNITS_MS = { y: 31_536_000_000, w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds in a Prometheus duration, or null if the string is not one. "0" is allowed. */
export function parsePromDuration(text: string): number | null {
  if (text === "0") return 0;
  const m = DURATION_RE.exec(text);
  if (!text || !m) return null;
  const units = Object.values(UNITS_MS);
  return m.slice(1).reduce((sum, part, i) => sum + (part ? Number(part) * (units[i] ?? 0) : 0), 0);
}

export function isPromDuration(text: string): boolean {
  return parsePromDuration(text) !== null;
}
