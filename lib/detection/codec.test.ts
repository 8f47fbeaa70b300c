import { describe, expect, it } from "vitest";
import { decodeState, encodeState } from "./codec";
import { createAppState, stepApp, type AppState } from "./engine";
import type { DetectionSettings } from "./detector";
import { generateTraffic } from "./synthetic";

/** Deep equality that compares numbers and typed arrays by their bits (NaN payloads, -0). */
function sameBits(a: unknown, b: unknown, path = "$"): void {
  if (a instanceof Float64Array || a instanceof Uint8Array) {
    expect(b?.constructor, path).toBe(a.constructor);
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const t = b as Float64Array | Uint8Array;
    const y = new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
    expect(Buffer.from(y).equals(Buffer.from(x)), path).toBe(true);
    return;
  }
  if (typeof a === "number") {
    expect(typeof b, path).toBe("number");
    expect(Object.is(a, b), `${path}: ${a} vs ${String(b)}`).toBe(true);
    return;
  }
  if (a === null || typeof a !== "object") {
    expect(b, path).toBe(a);
    return;
  }
  expect(Array.isArray(b), path).toBe(Array.isArray(a));
  expect(Object.keys(b as object), path).toEqual(Object.keys(a));
  for (const [k, v] of Object.entries(a)) sameBits(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
}

function realState(days: number, seed: number, settings: DetectionSettings): AppState {
  const s = generateTraffic({ seed, days, crash: { atSample: Math.floor(days * 1440 * 0.8), samples: 30 } });
  // missing samples: NaN in the values, as prepareSeries leaves long gaps
  for (let i = 100; i < 400; i++) s.values[i] = NaN;
  const state = createAppState(s, settings);
  stepApp(state, s.values, settings);
  return state;
}

describe("state codec", () => {
  const cases: [string, number, DetectionSettings][] = [
    ["2 days", 2, { evaluationIntervalMs: 3_600_000 }],
    ["15 days", 15, { evaluationIntervalMs: 3_600_000 }],
    ["9 days, weekly-drop threshold", 9, { thresholds: { floorRps: 10, ceilingRps: 250, maxWeeklyDropPercent: 30, forSeconds: 300 }, evaluationIntervalMs: 3_600_000 }],
  ];
  for (const [name, days, settings] of cases) {
    it(`round-trips a real state bit for bit, and it steps on identically (${name})`, () => {
      const state = realState(days, days * 7, settings);
      const bytes = encodeState(state);
      const back = decodeState<AppState>(bytes);
      sameBits(state, back);
      // encoding is deterministic, and a decoded state encodes to the same bytes
      expect(Buffer.from(encodeState(back)).equals(Buffer.from(bytes))).toBe(true);
      // what it does next is what the original does next
      const more = generateTraffic({ seed: 99, days: 1, start: state.start + state.n * state.stepMs }).values;
      expect(stepApp(back, more, settings)).toEqual(stepApp(state, more, settings));
      sameBits(state, back);
    });
  }

  it("keeps NaN payloads, -0, ±Infinity, empty and large typed arrays, dense and sparse bytes", () => {
    const odd = new Float64Array([NaN, -0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE, 1 / 3]);
    new DataView(odd.buffer).setUint32(4, 0x7ff80001, true); // odd[0]: a NaN with a non-standard payload
    const large = new Float64Array(100_000).map((_, i) => Math.sin(i) * 1e6);
    const sparse = new Uint8Array(20_480);
    sparse[3] = 1;
    sparse[20_479] = 255;
    const dense = Uint8Array.from({ length: 999 }, (_, i) => (i * 7) & 255);
    const value = {
      odd, large, empty: new Float64Array(0), emptyBytes: new Uint8Array(0), sparse, dense,
      sub: large.subarray(10, 20), numbers: [NaN, -0, Infinity, -Infinity, 1.5, -2], nested: [[new Float64Array([NaN])], { x: null, s: "$f64" }],
      plain: -0, nan: NaN, inf: -Infinity, text: "ü ✓",
    };
    const back = decodeState<typeof value>(encodeState(value));
    sameBits(value, back);
    expect(back.sub.length).toBe(10);
    // decoded arrays share one buffer (the state's) but never overlap: writing one changes nothing
    // else, and nothing in the bytes decoded
    const bytes = encodeState(value);
    const again = decodeState<typeof value>(bytes);
    again.odd.fill(7);
    again.sub.fill(7);
    again.dense.fill(7);
    sameBits(value.large, again.large);
    sameBits(value.sparse, again.sparse);
    sameBits(value, decodeState(bytes));
    // a subarray is stored as what it shows, not the whole buffer under it
    expect(encodeState({ a: large.subarray(0, 1) }).byteLength).toBeLessThan(200);
  });

  it("decodes from a Buffer at any offset of a larger buffer (as a database driver returns them)", () => {
    const state = realState(3, 5, { evaluationIntervalMs: 3_600_000 });
    const bytes = encodeState(state);
    for (const at of [0, 1, 3, 8, 13]) {
      const pool = Buffer.alloc(bytes.length + 40, 0xee);
      pool.set(bytes, at);
      sameBits(state, decodeState(pool.subarray(at, at + bytes.length)));
      sameBits(state, decodeState(Buffer.from(pool.buffer, at, bytes.length)));
    }
  });

  it("refuses bytes that are not a state of this format", () => {
    expect(() => decodeState(new TextEncoder().encode(JSON.stringify({ a: 1 })))).toThrow();
    const bytes = encodeState({ a: new Float64Array(4) });
    expect(() => decodeState(bytes.subarray(0, bytes.length - 8))).toThrow();
  });
});
