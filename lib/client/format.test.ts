import { describe, expect, it } from "vitest";
import { formatRelative } from "./format";

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

describe("formatRelative", () => {
  it("reads naturally around unit boundaries", () => {
    expect(formatRelative(ago(10), NOW)).toBe("just now");
    expect(formatRelative(ago(45 * 60), NOW)).toBe("45 minutes ago");
    expect(formatRelative(ago(59 * 60 + 50), NOW)).toBe("1 hour ago");
    expect(formatRelative(ago(23 * 3600 + 50 * 60), NOW)).toBe("yesterday");
    expect(formatRelative(ago(3 * 86_400), NOW)).toBe("3 days ago");
    expect(formatRelative(new Date(NOW + 2 * 3600 * 1000).toISOString(), NOW)).toBe("in 2 hours");
  });
});
