import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./node-options";

describe("serverNodeOptions", () => {
  it("adds the semi-space size to no options and to the operator's own", () => {
    expect(serverNodeOptions(undefined)).toBe("--max-semi-space-size=32");
    expect(serverNodeOptions("")).toBe("--max-semi-space-size=32");
    expect(serverNodeOptions(" --max-old-space-size=4096 ")).toBe("--max-old-space-size=4096 --max-semi-space-size=32");
  });

  it("keeps a semi-space size the operator chose", () => {
    expect(serverNodeOptions("--max-semi-space-size=8")).toBe("--max-semi-space-size=8");
    expect(serverNodeOptions("--inspect --max-semi-space-size 64")).toBe("--inspect --max-semi-space-size 64");
  });
});
