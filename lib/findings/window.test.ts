import { describe, expect, it } from "vitest";
import { channelsFor, evaluationEnd } from "./window";

describe("evaluationEnd", () => {
  it("ends at the last sample while it is at most three steps old", () => {
    expect(evaluationEnd(1_000_000, 1_000_000 + 180_000, 60_000)).toBe(1_000_000);
  });
  it("runs up to now after a longer silence, so the silence can read as a crash", () => {
    expect(evaluationEnd(1_000_000, 1_000_000 + 181_000, 60_000)).toBe(1_181_000);
  });
});

describe("channelsFor", () => {
  it("uses the webhook, and email only when SMTP is configured", () => {
    const c = { notifyEmail: "a@x.io", notifyWebhook: "https://hooks/x" };
    expect(channelsFor(c, true)).toEqual([
      { channel: "webhook", recipient: "https://hooks/x" },
      { channel: "email", recipient: "a@x.io" },
    ]);
    expect(channelsFor(c, false)).toEqual([{ channel: "webhook", recipient: "https://hooks/x" }]);
    expect(channelsFor(null, true)).toEqual([]);
  });
});
