import type { z } from "zod";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { AppError } from "@/lib/errors";

/** Default body cap; routes that take bulk data pass their own (docs/api.md lists them). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes`, { body: `must be at most ${maxBytes} bytes` });
}

// Reads at most maxBytes (+1 to know it was more), whatever Content-Length claims.
async function readText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The raw body as text (for routes that take files, e.g. CSV), with the same cap and 413. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  return readText(req, maxBytes);
}

// Body parsing: too large is a 413, malformed JSON a 400 naming the body; schema failures are
// 422 with fields.
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, opts: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  let raw: unknown;
  const text = await readText(req, opts.maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  // a bulk body (a 10,000-sample push is ~600 KB) takes milliseconds per step: the event loop
  // runs other requests between parsing, the NUL check and the schema
  const big = text.length > BIG_BODY_CHARS;
  try {
    raw = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON", { body: "must be JSON" });
  }
  if (big) await yieldToLoop();
  refuseNul(raw);
  if (big) await yieldToLoop();
  return schema.parse(raw);
}

const BIG_BODY_CHARS = 256 * 1024;

const MAX_DEPTH = 32;

// NUL is never meaningful in a portal value, and PostgreSQL refuses text holding it (a 500
// further in): refused here for every body and query, naming where it was. No portal body
// nests deeper than a few levels; a deeper one is refused before anything recurses into it, so
// the recursion is at most MAX_DEPTH + 1 calls deep whatever the input. The path is one array,
// pushed and popped, and only joined for the error: a 50,000-sample push (200,000 values) is
// walked without allocating per value.
function refuseNul(root: unknown): void {
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (path.length > MAX_DEPTH) throw new AppError("bad_request", `The body nests deeper than ${MAX_DEPTH} levels`, { body: `must not nest deeper than ${MAX_DEPTH} levels` });
    if (typeof value === "string") {
      if (value.includes("\u0000")) {
        const field = path.join(".") || "body";
        throw new AppError("validation_failed", `${field} must not contain NUL characters`, { [field]: "must not contain NUL characters" });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value && typeof value === "object") {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        path.push(k);
        visit((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  visit(root);
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  refuseNul(params);
  return schema.parse(params);
}
