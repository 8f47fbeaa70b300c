import { describe, expect, it } from "vitest";
import { channelsFor } from "./window";

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
