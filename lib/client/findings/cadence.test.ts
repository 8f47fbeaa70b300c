import { describe, expect, it } from "vitest";
import { cadenceLabel, watchingLabel } from "./cadence";

describe("cadenceLabel", () => {
  it("says the configured interval, or that the scheduler is off", () => {
    expect(cadenceLabel({ enabled: true, intervalSeconds: 60 })).toBe("Checked every minute");
    expect(cadenceLabel({ enabled: true, intervalSeconds: 300 })).toBe("Checked every 5 minutes");
    expect(cadenceLabel({ enabled: true, intervalSeconds: 90 })).toBe("Checked every 90 seconds");
    expect(cadenceLabel({ enabled: true, intervalSeconds: 7200 })).toBe("Checked every 2 hours");
    expect(cadenceLabel({ enabled: false, intervalSeconds: 60 })).toMatch(/Not checked automatically/);
    expect(watchingLabel({ enabled: true, intervalSeconds: 3600 })).toBe("No findings — detection watches this app every hour");
  });
});
