import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

// A segment's not-found.tsx renders only when something in that segment calls notFound(); an
// unknown address is answered by app/not-found.tsx. A not-found.tsx anywhere else is dead code.
describe("not-found.tsx", () => {
  it("sits only in segments whose page or components call notFound()", () => {
    const all = files(APP);
    for (const file of all.filter((f) => path.basename(f) === "not-found.tsx")) {
      const dir = path.dirname(file);
      if (dir === APP) continue;
      const callers = all.filter((f) => f.startsWith(dir + path.sep) && /\.(tsx?|jsx?)$/.test(f) && f !== file && /\bnotFound\(\)/.test(fs.readFileSync(f, "utf8")));
      expect(callers, `${path.relative(ROOT, file)} can never render: nothing in its segment calls notFound()`).not.toEqual([]);
    }
  });
});
