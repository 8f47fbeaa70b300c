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

const small = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const large = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Req/s with sensible precision: 0.2, 12, 1,250. */
export function rps(v: number): string {
  return (Math.abs(v) < 10 ? small : large).format(v);
}

export function percent(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toFixed(1)} %`;
}
