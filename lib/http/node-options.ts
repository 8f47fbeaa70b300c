// Node options of the server process that `npm start` / `npm run demo` spawn (scripts/start.ts).
//
// A larger young generation: the server's garbage is mostly short-lived (a 10,000-sample push is
// parsed into tens of thousands of objects that die when its answer is sent), and with V8's
// default (16 MB semi-spaces) the scavenges that collect it came often enough to be the tail of
// GET latency during ingest. On PostgreSQL (bench:fleet reads phase, 2,000 apps, alternately):
// GET p99 during flat-out ingest 2.92–3.39× idle with the default, 1.92–2.49× with 32 MB and
// 1.82–2.69× with 64 MB, ingest unchanged. The cost is memory: the young generation (two
// semi-spaces) may grow to 64 MB instead of 32 MB, and only under allocation pressure (it starts
// at 1 MB).
export const SEMI_SPACE_MB = 32;

/** NODE_OPTIONS for the server: the operator's, plus the semi-space size unless they set one. */
export function serverNodeOptions(existing: string | undefined): string {
  const current = (existing ?? "").trim();
  if (/(^|\s)--max-semi-space-size(=|\s|$)/.test(current)) return current;
  return [current, `--max-semi-space-size=${SEMI_SPACE_MB}`].filter(Boolean).join(" ");
}
