// Reading a NAB-layout folder: data/<category>/<name>.csv (timestamp,value) and a windows file
// ({ "<category>/<name>.csv": [["start", "end"], ...] }). Timestamps carry no zone; they are read
// as UTC so that no daylight-saving rule shifts or merges rows.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type NabFile = {
  /** "<category>/<name>.csv", as in the windows file. */
  key: string;
  category: string;
  ts: Float64Array;
  values: Float64Array;
  /** Raw timestamp strings, for writing NAB result files. */
  stamps: string[];
  /** Labelled windows as [start, end] epoch ms, both ends included. */
  windows: [number, number][];
};

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/** "YYYY-MM-DD HH:MM:SS[.ffffff]" as UTC epoch milliseconds (NaN when malformed). */
export function parseStamp(s: string): number {
  const m = STAMP.exec(s.trim());
  if (!m) return NaN;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return ms + (m[7] ? Number(m[7].padEnd(6, "0")) / 1000 : 0);
}

export function readWindows(file: string): Record<string, [number, number][]> {
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, [string, string][]>;
  const out: Record<string, [number, number][]> = {};
  for (const [key, list] of Object.entries(json)) {
    out[key] = list.map(([a, b]) => {
      const w: [number, number] = [parseStamp(a), parseStamp(b)];
      if (!Number.isFinite(w[0]) || !Number.isFinite(w[1])) throw new Error(`${key}: bad window ${a} .. ${b}`);
      return w;
    });
  }
  return out;
}

/** One data file, rows kept in file order (NAB neither sorts nor removes repeated timestamps). */
export function readSeries(path: string): { ts: Float64Array; values: Float64Array; stamps: string[] } {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = lines[0]?.split(",").map((h) => h.trim()) ?? [];
  const tcol = header.indexOf("timestamp");
  const vcol = header.indexOf("value");
  if (tcol < 0 || vcol < 0) throw new Error(`${path}: header needs timestamp and value`);
  const n = lines.length - 1;
  const ts = new Float64Array(n);
  const values = new Float64Array(n);
  const stamps: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cells = (lines[i + 1] as string).split(",");
    stamps[i] = (cells[tcol] ?? "").trim();
    ts[i] = parseStamp(stamps[i] as string);
    if (!Number.isFinite(ts[i])) throw new Error(`${path}: bad timestamp on row ${i + 2}`);
    values[i] = Number(cells[vcol]);
  }
  return { ts, values, stamps };
}

/** Every file the windows file lists (sorted by key), with its labelled windows. */
export function readCorpus(dataDir: string, windowsFile: string, keep: (key: string) => boolean = () => true): NabFile[] {
  const windows = readWindows(windowsFile);
  return Object.keys(windows)
    .sort()
    .filter(keep)
    .map((key) => ({ key, category: key.split("/")[0] as string, ...readSeries(join(dataDir, key)), windows: windows[key] ?? [] }));
}
