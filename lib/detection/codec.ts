// Detection state ⇄ text. JSON with three additions: Float64Array as base64 of its bytes
// (bit-exact), Uint8Array as the positions of its non-zero bytes when mostly zero (the anomaly
// scorer's visited bins), and NaN/±Infinity, which plain JSON cannot hold.



function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return { $num: String(value) };
  if (value instanceof Float64Array) return { $f64: b64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (value instanceof Uint8Array) {
    const at: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== 0) {
        at.push(i);
        v.push(value[i] as number);
      }
    }
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
    (t.at as number[]).forEach((i, k) => {
      out[i] = (t.v as number[])[k] as number;
    });
    return out;
  }
  return value;
}

export function encodeState(state: unknown): string {
  return JSON.stringify(state, replacer);
}

export function decodeState<T>(text: string): T {
  return JSON.parse(text, reviver) as T;
}

