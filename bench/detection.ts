// Full detection pass over 10,000 apps × 1,440 samples (one day at one minute), on one core.
//   npx tsx bench/detection.ts [apps] [repetitions]
// Each figure is the best of the repetitions. Totals are CPU time of this process (other processes
// share the machine, and wall time would count their turns); stages are detectApp's own
// performance.now() split of the same run, scaled to its CPU time.
import { detectApp } from "@/lib/detection/detect";
import { generateTraffic } from "@/lib/detection/synthetic";
import type { Series, Stage } from "@/lib/detection/types";

const APPS = Number(process.argv[2] ?? 10_000);
const REPS = Number(process.argv[3] ?? 3);
const SAMPLES = 1440;
const thresholds = { floorRps: 1, ceilingRps: 5000, maxWeeklyDropPercent: 50, forSeconds: 300 };
const STAGES: Stage[] = ["expected", "crash", "trend", "threshold", "anomaly"];

// One contiguous buffer, one view per app: what a server gets from a columnar load.
const buffer = new Float64Array(APPS * SAMPLES);
const apps: Series[] = [];
for (let a = 0; a < APPS; a++) {
  const crash = a % 50 === 0 ? { atSample: 1400, samples: 40 } : undefined;
  const s = generateTraffic({ seed: a, days: 1, baseRps: 5 + (a % 97) * 10, crash });
  buffer.set(s.values, a * SAMPLES);
  apps.push({ start: s.start, stepMs: s.stepMs, values: buffer.subarray(a * SAMPLES, (a + 1) * SAMPLES) });
}

let sink = 0;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

function plainPass(): number {
  const c0 = process.cpuUsage();
  for (const s of apps) {
    const v = s.values;
    let acc = 0;
    for (let i = 0; i < v.length; i++) acc += v[i] as number;
    sink += acc;
  }
  return cpuMs(c0);
}

function detectionPass(stageMs: Record<Stage, number>): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of apps) {
    const r = detectApp(s, { thresholds, timed: true });
    sink += r.findings.length;
    for (const st of STAGES) stageMs[st] += r.timings?.[st] ?? 0;
  }
  const cpu = cpuMs(c0);
  const scale = cpu / (performance.now() - t0);
  for (const st of STAGES) stageMs[st] *= scale;
  return cpu;
}

const zero = () => ({ expected: 0, crash: 0, trend: 0, threshold: 0, anomaly: 0 });
let bestPlain = Infinity;
let bestTotal = Infinity;
let bestStages = zero();
detectionPass(zero()); // JIT warm-up
for (let r = 0; r < REPS; r++) {
  bestPlain = Math.min(bestPlain, plainPass());
  const stages = zero();
  const total = detectionPass(stages);
  if (total < bestTotal) [bestTotal, bestStages] = [total, stages];
}

const n = APPS * SAMPLES;
const line = (name: string, ms: number) =>
  `${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms ${(n / ms / 1e3).toFixed(1).padStart(8)} M samples/s ${(ms / bestPlain).toFixed(1).padStart(6)}× plain`;
console.log(`${APPS} apps × ${SAMPLES} samples = ${(n / 1e6).toFixed(1)} M samples, node ${process.version}, best of ${REPS}`);
console.log(line("plain sum (floor)", bestPlain));
for (const st of STAGES) console.log(line(`  ${st}`, bestStages[st]));
console.log(line("detectApp, all stages", bestTotal));
if (sink === Math.PI) console.log("");
