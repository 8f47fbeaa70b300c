// Detection state ⇄ bytes (the DetectorState.state column).
//
// Layout: "DST" + format byte (1), the skeleton's byte length (uint32 LE), the skeleton (UTF-8
// JSON), zero padding to a multiple of 8, then the contents of the typed arrays as raw bytes, each
// padded to a multiple of 8. The skeleton is the state as JSON with three additions:
//   - a Float64Array is {"$f64":[offset,length]}: its bytes at `offset` of the raw section
//     (bit-exact: NaN payloads, -0 and ±Infinity included);
//   - a Uint8Array is {"$u8":length,"at":[…],"v":[…]}, the positions and values of its non-zero
//     bytes, when at most 1/8 of it is non-zero (the anomaly scorer's visited bins), else
//     {"$u8b":[offset,length]}, raw bytes like a Float64Array;
//   - a number that plain JSON cannot hold (NaN, ±Infinity) is {"$num":"NaN"} (and -0 is
//     {"$num":"-0"}: JSON would write it as 0).
// Decoding parses the skeleton without a reviver (a reviver is called for every value) and then
// walks it, replacing only the tagged objects; arrays of plain numbers are skipped. The raw
// section is copied once, and the decoded typed arrays are views of that one buffer (allocating
// an ArrayBuffer per array cost more than the rest of decoding): they never overlap, but code
// that holds a state must not make views of an array's `.buffer` beyond the array itself.
// The previous format (JSON text with base64 typed arrays, STATE_VERSION 3) was ~40 % larger and
// several times slower to decode; rows written in it are rebuilt (engine.ts, STATE_VERSION).

const MAGIC = [0x44, 0x53, 0x54, 0x01]; // "DST", format 1
const HEADER = 8;

const pad8 = (n: number) => (n + 7) & ~7;

type Blob = { bytes: Uint8Array; offset: number };

export function encodeState(state: unknown): Uint8Array<ArrayBuffer> {
  const blobs: Blob[] = [];
  let raw = 0;
  const put = (bytes: Uint8Array): number => {
    const offset = raw;
    blobs.push({ bytes, offset });
    raw += pad8(bytes.byteLength);
    return offset;
  };
  const skeleton = JSON.stringify(state, function (_key: string, value: unknown): unknown {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return { $num: String(value) };
      if (value === 0 && 1 / value < 0) return { $num: "-0" };
      return value;
    }
    if (value === null || typeof value !== "object") return value;
    if (value instanceof Float64Array) {
      return { $f64: [put(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)), value.length] };
    }
    if (value instanceof Uint8Array) {
      let nonZero = 0;
      for (let i = 0; i < value.length; i++) if (value[i] !== 0) nonZero++;
      if (nonZero * 8 > value.length) return { $u8b: [put(value), value.length] };
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
  });
  const text = new TextEncoder().encode(skeleton);
  const base = pad8(HEADER + text.byteLength);
  const out = new Uint8Array(base + raw);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, text.byteLength, true);
  out.set(text, HEADER);
  for (const b of blobs) out.set(b.bytes, base + b.offset);
  return out;
}

/** The raw section, copied once into a buffer of its own (8-aligned): decoded arrays are views of it. */
type Raw = { buffer: ArrayBuffer; length: number };

function f64(r: Raw, offset: number, length: number): Float64Array {
  if (!(offset >= 0 && offset % 8 === 0 && offset + length * 8 <= r.length)) throw new Error("detection state: typed array out of bounds");
  return new Float64Array(r.buffer, offset, length);
}

function u8(r: Raw, offset: number, length: number): Uint8Array {
  if (!(offset >= 0 && offset + length <= r.length)) throw new Error("detection state: typed array out of bounds");
  return new Uint8Array(r.buffer, offset, length);
}

/** The value a tagged object stands for, or undefined when it is a plain object. */
function restore(r: Raw, o: Record<string, unknown>): unknown {
  const ref = o.$f64 ?? o.$u8b;
  if (Array.isArray(ref)) {
    const [offset, length] = ref as [number, number];
    return o.$f64 !== undefined ? f64(r, offset, length) : u8(r, offset, length);
  }
  if (typeof o.$num === "string") return o.$num === "-0" ? -0 : Number(o.$num);
  if (typeof o.$u8 === "number" && Array.isArray(o.at) && Array.isArray(o.v)) {
    const out = new Uint8Array(o.$u8);
    const at = o.at as number[];
    const v = o.v as number[];
    for (let k = 0; k < at.length; k++) out[at[k] as number] = v[k] as number;
    return out;
  }
  return undefined;
}

/** Replaces the tagged objects under `node` (an object or array parsed from the skeleton). */
function walk(r: Raw, node: Record<string, unknown> | unknown[]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (v === null || typeof v !== "object") continue;
      const got = Array.isArray(v) ? undefined : restore(r, v as Record<string, unknown>);
      if (got !== undefined) node[i] = got;
      else walk(r, v as Record<string, unknown> | unknown[]);
    }
    return;
  }
  for (const key in node) {
    const v = node[key];
    if (v === null || typeof v !== "object") continue;
    const got = Array.isArray(v) ? undefined : restore(r, v as Record<string, unknown>);
    if (got !== undefined) node[key] = got;
    else walk(r, v as Record<string, unknown> | unknown[]);
  }
}

export function decodeState<T>(bytes: Uint8Array): T {
  if (bytes.byteLength < HEADER || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error("not a detection state (unknown format)");
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (HEADER + length > bytes.byteLength) throw new Error("detection state: truncated");
  const root: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER, HEADER + length)));
  // a copy of its own, 8-aligned (not bytes.slice: on a Buffer that is a view of its pool)
  const raw = new Uint8Array(Math.max(0, bytes.byteLength - pad8(HEADER + length)));
  raw.set(bytes.subarray(pad8(HEADER + length)));
  const r: Raw = { buffer: raw.buffer, length: raw.byteLength };
  if (root === null || typeof root !== "object") return root as T;
  const top = Array.isArray(root) ? undefined : restore(r, root as Record<string, unknown>);
  if (top !== undefined) return top as T;
  walk(r, root as Record<string, unknown>);
  return root as T;
}
