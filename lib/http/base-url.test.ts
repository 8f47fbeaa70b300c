import { describe, expect, it } from "vitest";
import { baseUrlWarning, portalBaseUrl } from "./base-url";

describe("portalBaseUrl", () => {
  const local = { HOST: "127.0.0.1", PORT: 3000 };

  it("takes PORTAL_URL first, without trailing slashes", () => {
    expect(portalBaseUrl({ ...local, PORTAL_URL: "https://portal.example.com//" }, "http://10.0.0.5:3000")).toBe("https://portal.example.com");
  });

  it("falls back to the request's origin, then to HOST:PORT", () => {
    expect(portalBaseUrl(local, "http://portal.internal:8080/")).toBe("http://portal.internal:8080");
    expect(portalBaseUrl(local)).toBe("http://127.0.0.1:3000");
    expect(portalBaseUrl({ ...local, PORTAL_URL: "" })).toBe("http://127.0.0.1:3000");
  });

  it("warns only when links would fall back to this machine's address", () => {
    expect(baseUrlWarning(local)).toContain("http://127.0.0.1:3000");
    expect(baseUrlWarning({ ...local, PORTAL_URL: "https://portal.example.com" })).toBeNull();
  });
});
