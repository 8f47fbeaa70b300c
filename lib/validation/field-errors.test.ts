import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, fieldErrors } from "./field-errors";

const schema = z.strictObject({
  name: z.string().min(1, "is required"),
  steps: z.array(z.strictObject({ after: z.string().regex(/^\d+m$/, "must be minutes") })),
});
const issues = (v: unknown) => {
  const r = schema.safeParse(v);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues;
};

describe("fieldErrors", () => {
  it("names each field by its dotted path, first message only, unknown keys by name", () => {
    expect(fieldErrors(issues({ name: "", steps: [{ after: "x" }], extra: 1 }))).toEqual({
      name: "is required",
      "steps.0.after": "must be minutes",
      extra: "is not a known field",
    });
  });

  it("uses the top-level field for forms and a root name for the whole value", () => {
    expect(fieldErrors(issues({ name: "a", steps: [{ after: "1" }] }), { key: "top" })).toEqual({ steps: "must be minutes" });
    expect(fieldErrors(issues(null), { root: "form" })).toEqual({ form: expect.any(String) });
    expect(Object.keys(fieldErrors(issues(null)))).toEqual(["body"]);
  });
});

describe("describeIssues", () => {
  it("lists every issue as 'path message' on one line", () => {
    expect(describeIssues(issues({ name: "", steps: [{ after: "x" }] }))).toBe("name is required; steps.0.after must be minutes");
    expect(describeIssues(issues(null), { root: "sample" })).toMatch(/^sample /);
  });
});
