// Detector state codec: µs to encode a state to the bytes stored in DetectorState.state and to
// decode them back, for the current codec (lib/detection/codec.ts) and, in the same run, the
// previous one (STATE_VERSION 3: JSON text, base64 Float64Arrays, a reviver), on real states
// (createAppState + stepApp over synthetic traffic of 2–15 days at 60 s).
//
//   npx tsx bench/state-codec.ts [--states 40] [--rounds 10]   (each figure: the best of 7 × rounds)
import { argValue } from "./args";
import { createAppState, decodeState, encodeState, generateTraffic, stepApp } from "@/lib/detection";

const STATES = argValue("states", 40);
const ROUNDS = argValue("rounds", 10);

// The previous codec, verbatim but for the UTF-8 step the server did around it.
const v3 = (() => {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  function replacer(this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === "number" && !Number.isFinite(value)) return { $num: String(value) };
    if (value instanceof Float64Array) return { $f64: b64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    if (value instanceof Uint8Array) {
      const at: number[] = [];
      const v: number[] = [];
      for (let i = 0; i < value.length; i++) if (value[i] !== 0) { at.push(i); v.push(value[i] as number); }
      return { $u8: value.length, at, v };
    }
    return value;
  }
  function reviver(_key: string, value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const t = value as Partial<Record<string, unknown>>;
    if (typeof t.$num === "string") return Number(t.$num);
    if (typeof t.$f64 === "string") {
      const bytes = Buffer.from(t.$f64, "base64");
      const out = new Float64Array(bytes.length / 8);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    if (typeof t.$u8 === "number" && Array.isArray(t.at) && Array.isArray(t.v)) {
      const out = new Uint8Array(t.$u8);
      (t.at as number[]).forEach((i, k) => { out[i] = (t.v as number[])[k] as number; });
      return out;
    }
    return value;
  }
  return {
    encode: (s: unknown) => new Uint8Array(Buffer.from(JSON.stringify(s, replacer), "utf8")),
    decode: (b: Uint8Array) => JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8"), reviver) as unknown,
  };
})();

const states: unknown[] = [];
for (let i = 0; i < STATES; i++) {
  const days = 2 + (i % 14);
  const s = generateTraffic({ seed: i + 1, days });
  const settings = { evaluationIntervalMs: 3_600_000 };
  const app = createAppState(s, settings);
  stepApp(app, s.values, settings);
  // as the server stores it (lib/findings/detector-state.ts, Stored)
  states.push({ app, gaps: [s.start, 60_000], watermark: s.start + (s.values.length - 1) * s.stepMs });
}

// The best of 7 repeats (the machine is shared: the minimum is the least disturbed figure).
function time(f: (i: number) => unknown): number {
  for (let i = 0; i < STATES * 5; i++) f(i % STATES);
  let best = Infinity;
  for (let k = 0; k < 7; k++) {
    const t = performance.now();
    for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < STATES; i++) f(i);
    best = Math.min(best, ((performance.now() - t) * 1000) / (ROUNDS * STATES));
  }
  return best;
}

const codecs = { "previous (v3, JSON + base64 + reviver)": v3, "current (binary skeleton + raw bytes)": { encode: encodeState, decode: (b: Uint8Array) => decodeState(b) } };
console.log(`state codec — ${STATES} states (2–15 days at 60 s) × ${ROUNDS} rounds, node ${process.version}\n`);
console.log("| codec | bytes per state | encode µs | decode µs |\n| --- | --- | --- | --- |");
for (const [name, c] of Object.entries(codecs)) {
  const bytes = states.map((s) => c.encode(s));
  const size = bytes.reduce((a, b) => a + b.byteLength, 0) / STATES;
  const enc = time((i) => c.encode(states[i]));
  const dec = time((i) => c.decode(bytes[i] as Uint8Array));
  console.log(`| ${name} | ${size.toFixed(0)} | ${enc.toFixed(1)} | ${dec.toFixed(1)} |`);
}
