import { describe, expect, it } from "vitest";
import type { EmbeddedContactPoint } from "@/lib/grafana/types";
import { app, ruleSettings } from "@/test/grafana/fixtures";
import { contactPointDiffers, validApps } from "./push";

const cp = (settings: Record<string, unknown>, extra: Partial<EmbeddedContactPoint> = {}): EmbeddedContactPoint => ({
  uid: "op-person-1", name: "portal-responder-a@x", type: "webhook", settings, ...extra,
});

describe("contactPointDiffers", () => {
  it("ignores redacted secrets but sees changed settings, names and types", () => {
    const want = cp({ url: "https://h/1", authorization_credentials: "s3cret" });
    expect(contactPointDiffers(cp({ url: "https://h/1", authorization_credentials: "[REDACTED]" }), want)).toBe(false);
    expect(contactPointDiffers(cp({ url: "https://h/2", authorization_credentials: "[REDACTED]" }), want)).toBe(true);
    expect(contactPointDiffers(cp({ url: "https://h/1", authorization_credentials: "[REDACTED]" }, { name: "other" }), want)).toBe(true);
    expect(contactPointDiffers(cp({ addresses: "a@x" }, { type: "email" }), want)).toBe(true);
  });
});

describe("validApps", () => {
  it("keeps a bad app's rule out of the team's group and reports it alone", () => {
    const { ok, invalid } = validApps([app("good", "t"), app("bad", "t", { for: "five minutes" })], ruleSettings);
    expect(ok.map((a) => a.appId)).toEqual(["good"]);
    expect(invalid.get("bad")).toMatchObject({ retryable: false, message: expect.stringContaining("for") });
  });
});

describe("retryOnReset", () => {
  it("tries a step once more after a connection reset, never after an HTTP error", async () => {
    const { GrafanaError } = await import("@/lib/grafana/errors");
    const { retryOnReset } = await import("./push");
    let calls = 0;
    await expect(retryOnReset(async () => {
      calls += 1;
      if (calls === 1) throw new GrafanaError("network", "read ECONNRESET");
      return "ok";
    })).resolves.toBe("ok");
    calls = 0;
    await expect(retryOnReset(async () => {
      calls += 1;
      throw new GrafanaError("server", "503");
    })).rejects.toThrow("503");
    expect(calls).toBe(1);
  });
});
