import type { z } from "zod";

// Response schemas are checked against the types the server's view builders already produce:
// `describes<Awaited<ReturnType<typeof builder>>>()(schema)` compiles only when the schema's
// output and the builder's answer (as JSON: dates become strings) have the same fields with the
// same types at every depth, so a field added to a view without its schema (or the other way
// round) fails `tsc`. The comparison walks the types key by key: TypeScript's own assignability
// check gives up on deeply nested generic types (zod's) and answers "assignable".

/** What JSON.stringify makes of a value's type. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonified<T[K]> }
      : T;

type Leaf = string | number | boolean | bigint | symbol | null | undefined;
type Eq<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type IsUnknown<T> = unknown extends T ? true : false;
type Same<A, B> =
  IsUnknown<A> extends true ? IsUnknown<B>
  : IsUnknown<B> extends true ? false
  : [A] extends [Leaf] ? Eq<A, B>
  : [B] extends [Leaf] ? false
  : Eq<Extract<A, Leaf>, Extract<B, Leaf>> extends false ? false
  : [Exclude<A, Leaf>, Exclude<B, Leaf>] extends [readonly (infer X)[], readonly (infer Y)[]] ? Same<X, Y>
  : [Exclude<A, Leaf>] extends [readonly unknown[]] ? false
  : [Exclude<B, Leaf>] extends [readonly unknown[]] ? false
  : SameObject<Exclude<A, Leaf>, Exclude<B, Leaf>>;
type SameObject<A, B> = Eq<keyof A, keyof B> extends true
  ? ({ [K in keyof A]-?: K extends keyof B ? Same<A[K], B[K]> : false }[keyof A] extends true ? true : false)
  : false;

export function describes<View>() {
  return <S extends z.ZodType>(
    schema: S & ([Same<z.output<S>, Jsonified<View>>] extends [true] ? unknown : { "schema and view differ": [z.output<S>, Jsonified<View>] }),
  ): S => schema;
}
