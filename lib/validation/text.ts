import { z } from "zod";
import "./messages";

// Text people type into the portal: names (one line) and free text (reasons, descriptions).
// Stored as NFC; refused when it holds a lone surrogate (not valid Unicode: stored as invalid
// UTF-8 otherwise), control characters (free text may have line breaks and tabs), bidi
// overrides/isolates that make text display other than it reads, or nothing visible at all.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 and C1 controls and DEL
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
// whitespace, zero-width characters, BOM, soft hyphen, combining grapheme joiner, fillers
const INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff\u00ad\u034f\u115f\u1160\u3164\uffa0]*$/u;

function checked(kind: "name" | "text", max: number, label = "characters") {
  return z
    .string()
    .trim()
    .refine((s) => !LONE_SURROGATE.test(s), "must be valid Unicode text (it has a lone surrogate)")
    .transform((s) => s.normalize("NFC"))
    .refine((s) => !(kind === "name" ? CONTROL : CONTROL_EXCEPT_LINES).test(s), kind === "name" ? "must not contain control characters or line breaks" : "must not contain control characters")
    .refine((s) => !BIDI.test(s), "must not contain bidirectional override characters")
    .refine((s) => s.length <= max, `must be at most ${max} ${label}`);
}

/** A one-line name: 1..max characters, something visible in it. */
export function nameText(max: number) {
  return checked("name", max)
    .refine((s) => s.length > 0, "is required")
    .refine((s) => s.length === 0 || !INVISIBLE.test(s), "must contain visible characters");
}

/** Free text (reasons, descriptions): line breaks allowed; may be empty (see requiredText). */
export function freeText(max: number) {
  return checked("text", max).transform((s) => (INVISIBLE.test(s) ? "" : s));
}

/** Free text that must say something (a reason for an action). */
export function requiredText(max: number) {
  return freeText(max).refine((s) => s.length > 0, "is required");
}
