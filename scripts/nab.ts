// Runs the anomaly score over a NAB data folder and writes NAB result files:
//   npm run nab -- --data <dir> --out <dir> [--detector portal]
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { join, relative, dirname, basename } from "node:path";
import { createAppState, stepApp } from "@/lib/detection/engine";
import { inferStepMs } from "@/lib/detection/prepare";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return csvFiles(p);
    return name.endsWith(".csv") ? [p] : [];
  });
}

const dataDir = arg("data");
const outDir = arg("out");
const detector = arg("detector", "portal");
let rows = 0;
const t0 = performance.now();
for (const file of csvFiles(dataDir).sort()) {
  const lines = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const body = lines.slice(1).map((l) => {
    const comma = l.indexOf(",");
    return [l.slice(0, comma), l.slice(comma + 1)] as const;
  });
  const values = Float64Array.from(body, ([, v]) => Number(v));
  // Scores only ever look backwards: row t is scored from rows 0..t (see anomaly.test.ts).
  const times = body.map(([t]) => Date.parse(`${t.replace(" ", "T")}Z`));
  // Strictly streaming: the step comes from the first rows only, as a live feed would know it.
  // Each row goes through the server's incremental path (stepApp, one sample per step) and is
  // scored with the anomaly score of that step's latest sample.
  const state = createAppState({ start: times[0] ?? 0, stepMs: inferStepMs(times.slice(0, 20)) }, {});
  const scores = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) scores[i] = stepApp(state, values.subarray(i, i + 1), {}).anomalyScore;
  const out = ["timestamp,value,anomaly_score,label"];
  body.forEach(([stamp, v], i) => out.push(`${stamp},${v},${scores[i] as number},0`));
  const target = join(outDir, dirname(relative(dataDir, file)), `${detector}_${basename(file)}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, out.join("\n") + "\n");
  rows += values.length;
}
console.log(`scored ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${outDir}`);
