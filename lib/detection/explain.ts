const formatters = new Map<string, Intl.DateTimeFormat>();

/** "14:03" in the given IANA zone (UTC by default); formatters are cached per zone. */
export function clock(ms: number, timeZone = "UTC"): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone, hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f.format(ms);
}

/** Req/s with sensible precision: 0.2, 12, 1,250. */
export function rps(v: number): string {
  const a = Math.abs(v);
  const digits = a < 10 ? 1 : 0;
  return v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function percent(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toFixed(1)} %`;
}
