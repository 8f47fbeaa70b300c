// Leave-one-category-out cross-validation of the anomaly score on a NAB-layout folder:
//   npm run nab:cv [-- --data DIR --windows FILE | --nab DIR]
// For each category: every free constant (a grid of configurations, bench/nab/candidates.ts) and
// the threshold are chosen on the other categories, then the one left out is scored with them.
// The pooled held-out score is the headline; the in-sample score (constants and threshold chosen on
// all files) is printed beside it. Last line: one JSON object with both, per profile and per fold.
import { describe, grid, scoreFile, type Config } from "./nab/candidates";
import { readCorpus } from "./nab/corpus";
import { nabPaths } from "./nab/folder";
import { bounds, normalise, Pool, PROFILES, sweepOf, type Profile } from "./nab/score";

const { data, windows } = nabPaths();
const t0 = performance.now();
const files = readCorpus(data, windows);
const sweeps = files.map((f) => sweepOf(f));
const categories = [...new Set(files.map((f) => f.category))];
const configs = grid();

type Held = { raw: number; hits: number; windows: number; fpRows: number };
type Trial = { train: number; threshold: number; held: Held };
// trials[profile][fold][config]; full[profile][config]
const trials = PROFILES.map(() => categories.map(() => [] as Trial[]));
const full = PROFILES.map(() => [] as { norm: number; raw: number; threshold: number; hits: number; fpRows: number }[]);

const inFold = (k: number) => (f: number) => files[f]!.category === categories[k];
const outFold = (k: number) => (f: number) => files[f]!.category !== categories[k];
const boundsOf = (p: Profile, keep: (f: number) => boolean) => bounds(sweeps.filter((_, f) => keep(f)), p);
const sum = (m: Map<number, { raw: number; windowsHit: number; windowsScored: number; fpRows: number }>): Held => {
  const h = { raw: 0, hits: 0, windows: 0, fpRows: 0 };
  for (const r of m.values()) {
    h.raw += r.raw;
    h.hits += r.windowsHit;
    h.windows += r.windowsScored;
    h.fpRows += r.fpRows;
  }
  return h;
};

for (const config of configs) {
  const pool = new Pool(sweeps, files.map((f) => scoreFile(f, config)));
  PROFILES.forEach((p, pi) => {
    const all = pool.optimise(p);
    const h = sum(pool.at(p, all.threshold));
    full[pi]!.push({ norm: normalise(all.raw, boundsOf(p, () => true)), raw: all.raw, threshold: all.threshold, hits: h.hits, fpRows: h.fpRows });
    categories.forEach((_, k) => {
      const opt = pool.optimise(p, outFold(k));
      trials[pi]![k]!.push({ train: normalise(opt.raw, boundsOf(p, outFold(k))), threshold: opt.threshold, held: sum(pool.at(p, opt.threshold, inFold(k))) });
    });
  });
}

const argmax = (xs: number[]) => xs.reduce((b, x, i) => (x > (xs[b] as number) ? i : b), 0);
const fmt = (x: number) => x.toFixed(2).padStart(7);
const result: Record<string, unknown> = { files: files.length, windows: sweeps.reduce((a, s) => a + s.windows, 0), configurations: configs.length };

PROFILES.forEach((p, pi) => {
  const all = boundsOf(p, () => true);
  let pooled = 0;
  let pooledDefaults = 0;
  const folds: Record<string, unknown>[] = [];
  console.log(`\n${p.name}: leave one category out (constants and threshold chosen on the other ${categories.length - 1})`);
  categories.forEach((cat, k) => {
    const ts = trials[pi]![k]!;
    const c = argmax(ts.map((t) => t.train));
    const t = ts[c]!;
    const b = boundsOf(p, inFold(k));
    const held = b.perfect > b.null ? normalise(t.held.raw, b) : null;
    pooled += t.held.raw;
    pooledDefaults += ts[0]!.held.raw;
    folds.push({ category: cat, score: held, raw: t.held.raw, train: t.train, threshold: t.threshold, windowsHit: t.held.hits, windows: t.held.windows, fpRows: t.held.fpRows, config: configs[c] });
    console.log(
      `  ${cat.padEnd(22)} held-out ${held === null ? "    n/a" : fmt(held)} (raw ${t.held.raw.toFixed(3)}, windows ${t.held.hits}/${t.held.windows}, FP rows ${t.held.fpRows})` +
        `  train ${fmt(t.train)}  threshold ${t.threshold.toFixed(4)}  [${describe(configs[c] as Config)}]`,
    );
  });
  const best = argmax(full[pi]!.map((f) => f.norm));
  const ins = full[pi]![best]!;
  const cv = normalise(pooled, all);
  const cvDefaults = normalise(pooledDefaults, all);
  console.log(`  pooled cross-validated ${fmt(cv)}   in-sample ${fmt(ins.norm)} (windows ${ins.hits}/${result.windows}, FP rows ${ins.fpRows}, threshold ${ins.threshold.toFixed(4)}, [${describe(configs[best] as Config)}])`);
  console.log(`  defaults only (threshold cross-validated) ${fmt(cvDefaults)}   in-sample ${fmt(full[pi]![0]!.norm)}`);
  result[p.name] = { crossValidated: cv, inSample: ins.norm, inSampleConfig: configs[best], defaultsCrossValidated: cvDefaults, defaultsInSample: full[pi]![0]!.norm, folds };
});
console.log(`\n${configs.length} configurations × ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(result));
