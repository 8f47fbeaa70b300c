import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describes } from "./describes";

// The checks are made by `tsc` (npm run typecheck): each @ts-expect-error below fails the
// typecheck if describes<…>() stops rejecting that mismatch.
type View = { id: string; at: Date; owner: { email: string; name: string } | null; items: { n: number; tags: string[] }[] };
const owner = z.object({ email: z.string(), name: z.string() }).nullable();

describe("describes", () => {
  it("accepts a schema with the view's fields as JSON, and tsc rejects any difference at any depth", () => {
    const ok = describes<View>()(z.object({ id: z.string(), at: z.string(), owner, items: z.array(z.object({ n: z.number(), tags: z.array(z.string()) })) }));
    expect(ok.parse({ id: "a", at: "2026-01-01T00:00:00.000Z", owner: null, items: [] })).toBeTruthy();

    // @ts-expect-error a field the view does not have
    describes<View>()(z.object({ id: z.string(), at: z.string(), owner, items: z.array(z.object({ n: z.number(), tags: z.array(z.string()) })), extra: z.number() }));
    // @ts-expect-error a field the schema forgot
    describes<View>()(z.object({ id: z.string(), at: z.string(), owner }));
    // @ts-expect-error nullable where the view is not (deep inside an array of objects)
    describes<View>()(z.object({ id: z.string(), at: z.string(), owner, items: z.array(z.object({ n: z.number().nullable(), tags: z.array(z.string()) })) }));
    // @ts-expect-error a wrong leaf type three levels down
    describes<View>()(z.object({ id: z.string(), at: z.string(), owner, items: z.array(z.object({ n: z.number(), tags: z.array(z.number()) })) }));
    // @ts-expect-error not nullable where the view is
    describes<View>()(z.object({ id: z.string(), at: z.string(), owner: z.object({ email: z.string(), name: z.string() }), items: z.array(z.object({ n: z.number(), tags: z.array(z.string()) })) }));
  });
});
