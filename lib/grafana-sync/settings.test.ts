import { describe, expect, it } from "vitest";
import { driftRepairMode } from "./settings";

describe("driftRepairMode", () => {
  it("repairs automatically only with GRAFANA_DRIFT_REPAIR=auto", () => {
    expect(driftRepairMode({ GRAFANA_DRIFT_REPAIR: "auto" })).toBe("auto");
    expect(driftRepairMode({ GRAFANA_DRIFT_REPAIR: "off" })).toBe("off");
    expect(driftRepairMode({ GRAFANA_DRIFT_REPAIR: "" })).toBe("off");
    expect(driftRepairMode({})).toBe("off");
  });

  it("names the variable when the value is wrong", () => {
    expect(() => driftRepairMode({ GRAFANA_DRIFT_REPAIR: "yes" })).toThrow(/GRAFANA_DRIFT_REPAIR/);
  });
});
