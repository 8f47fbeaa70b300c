import { describe, expect, it } from "vitest";
import { byKeyInOrder } from "./write";

// The order writeSamples stores a push's rows in on SQLite: grouped by key, keys ascending, each
// key's rows in the order they were sent (a re-sent second: the last one wins).
function reference(keyOf: number[]): number[] {
  return keyOf.map((key, k) => ({ key, k })).sort((a, b) => a.key - b.key || a.k - b.k).map((x) => x.k);
}

describe("byKeyInOrder", () => {
  it("groups rows by key in key order and keeps each key's rows in their order", () => {
    expect([...byKeyInOrder(Int32Array.from([3, 1, 3, 2, 1, 3]))]).toEqual([1, 4, 3, 0, 2, 5]);
    expect([...byKeyInOrder(new Int32Array(0))]).toEqual([]);
  });

  it("agrees with a stable sort, for small keys (counting) and for keys far beyond the rows' number", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const spread of [1, 50, 10_000, 5_000_000]) {
      const keyOf = Array.from({ length: 2_000 }, () => 1 + Math.floor(rand() * spread));
      expect([...byKeyInOrder(Int32Array.from(keyOf))], `keys up to ${spread}`).toEqual(reference(keyOf));
    }
  });
});
