import { describe, expect, it } from "vitest";
import { parsePromDuration } from "./duration";
import { GRAFANA_UID_RE, appRuleUid, contactPointUid, folderUid, stableUid } from "./uids";

const valid = (uid: string) => uid.length >= 1 && uid.length <= 40 && GRAFANA_UID_RE.test(uid);

describe("stableUid", () => {
  it("keeps short slugs readable", () => {
    expect(appRuleUid("checkout-api")).toBe("op-app-checkout-api");
    expect(folderUid("payments")).toBe("op-team-payments");
  });

  it("hash-suffixes long keys to at most 40 characters, distinct per key", () => {
    const a = appRuleUid("a-very-long-application-identifier-number-one");
    const b = appRuleUid("a-very-long-application-identifier-number-two");
    expect(valid(a) && valid(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).toHaveLength(40);
    expect(a).toMatch(/^op-app-a-very-long-application-+[0-9a-f]{8}$/);
    expect(appRuleUid("a-very-long-application-identifier-number-one")).toBe(a);
  });

  it("sanitises characters Grafana refuses and still tells keys apart", () => {
    const dotted = stableUid("x-", "a.b");
    expect(valid(dotted)).toBe(true);
    expect(dotted).not.toBe(stableUid("x-", "a-b"));
  });

  it("hashes emails for contact points, case-insensitively", () => {
    expect(contactPointUid("Alice@Example.com")).toBe(contactPointUid("alice@example.com"));
    expect(valid(contactPointUid("alice@example.com"))).toBe(true);
  });
});

describe("parsePromDuration", () => {
  it("accepts Prometheus durations and rejects others", () => {
    expect(parsePromDuration("5m")).toBe(300_000);
    expect(parsePromDuration("1h30m")).toBe(5_400_000);
    expect(parsePromDuration("0s")).toBe(0);
    expect(parsePromDuration("0")).toBe(0);
    for (const bad of ["", "5", "1.5m", "-5m", "PT5M", "5 m", "m5"]) expect(parsePromDuration(bad)).toBeNull();
  });
});
