import { describe, expect, it } from "vitest";
import { isPlainSample, sampleSchema } from "./traffic";

describe("isPlainSample (the fast path of sample validation)", () => {
  const cases: unknown[] = [
    { appId: "a", ts: 946_684_800_000, value: 0 }, // 2000-01-01, the earliest accepted
    { appId: "checkout-api", ts: 1_790_000_000_000, value: 12.5 },
    // the bounds of sampleSchema hold on the fast path too
    { appId: "a".repeat(64), ts: 1_790_000_000_000, value: 1 },
    { appId: "a", ts: 4_102_444_800_000, value: 1 }, // 2100-01-01
    { appId: "a", ts: 1_790_000_000_000, value: 1e13 },
    { appId: "", ts: 1, value: 1 },
    { appId: "a", ts: 0, value: 1 },
    { appId: "a", ts: -5, value: 1 },
    { appId: "a", ts: 1.5, value: 1 },
    { appId: "a", ts: "2026-11-01T00:00:00Z", value: 1 },
    { appId: "a", ts: 1, value: -1 },
    { appId: "a", ts: 1, value: Infinity },
    { appId: "a", ts: 1, value: NaN },
    { appId: "a", ts: 1, value: "1" },
    { appId: "a", ts: 1 },
    { appId: "a", ts: 1, value: 1, extra: true },
    { appId: 7, ts: 1, value: 1 },
    [1, 2, 3],
    null,
    "sample",
    Object.assign(Object.create({ inherited: 1 }), { appId: "a", ts: 1, value: 1 }),
  ];
  it("accepts only what the zod schema accepts, and every plain valid sample", () => {
    for (const c of cases) {
      if (isPlainSample(c)) expect(sampleSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
    }
    expect(cases.filter(isPlainSample)).toHaveLength(2);
  });
});
