import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseBody, parseQuery } from "./request";

const post = (body: string) => new Request("http://x/", { method: "POST", body });
const any = z.unknown();
const nest = (depth: number): unknown => (depth === 0 ? "leaf" : depth % 2 ? [nest(depth - 1)] : { k: nest(depth - 1) });
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe("parseBody: NUL and nesting", () => {
  it("names where a NUL is, in an array of objects, an object key or at the top", async () => {
    const samples = Array.from({ length: 1_000 }, (_, i) => ({ appId: `a${i}`, ts: i, value: 1 }));
    (samples[731] as { appId: string }).appId = "bad\u0000id";
    const e = await failure(parseBody(post(JSON.stringify({ samples })), any, { maxBytes: 1 << 20 }));
    expect([e.code, e.fields]).toEqual(["validation_failed", { "samples.731.appId": "must not contain NUL characters" }]);
    expect((await failure(parseBody(post(JSON.stringify({ a: { "b c": "x\u0000" } })), any))).fields).toEqual({ "a.b c": "must not contain NUL characters" });
    expect((await failure(parseBody(post(JSON.stringify("\u0000")), any))).fields).toEqual({ body: "must not contain NUL characters" });
    expect((await failure(Promise.resolve().then(() => parseQuery(new Request("http://x/?q=a%00"), any)))).fields).toEqual({ q: "must not contain NUL characters" });
  });

  it("takes 32 levels of nesting and refuses 33 with a 400, however deep the body goes", async () => {
    await expect(parseBody(post(JSON.stringify(nest(32))), any)).resolves.toBeDefined();
    const e = await failure(parseBody(post(JSON.stringify(nest(33))), any));
    expect([e.code, e.status]).toEqual(["bad_request", 400]);
    // far deeper than the stack would allow for an unbounded recursion
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    expect((await failure(parseBody(post(deep), any, { maxBytes: 1 << 20 }))).code).toBe("bad_request");
  });

  it("looks into an own __proto__ key (JSON.parse makes it a plain property) and passes a clean body through unchanged", async () => {
    const hidden = '{"samples":[],"__proto__":{"x":"y\\u0000"}}';
    expect((await failure(parseBody(post(hidden), any))).fields).toEqual({ "__proto__.x": "must not contain NUL characters" });
    const text = '{"samples":[{"appId":"a","ts":1,"value":2.5}],"note":"ok"}';
    expect(JSON.stringify(await parseBody(post(text), any))).toBe(text);
  });
});
