import type { AlertQuery } from "./types";

// Builders for the `data` nodes of a rule: one Prometheus query, then server-side expressions
// (datasource "__expr__") that reduce, compare and combine.

const EXPR = { type: "__expr__", uid: "__expr__" } as const;
/** Prometheus queries look back 10 minutes; the reduce step takes the last point. */
const QUERY_WINDOW_SECONDS = 600;

export type ThresholdEvaluator =
  | { type: "lt" | "gt"; params: [number] }
  | { type: "outside_range" | "within_range"; params: [number, number] };

export function promQuery(refId: string, datasourceUid: string, expr: string): AlertQuery {
  return {
    refId,
    queryType: "",
    relativeTimeRange: { from: QUERY_WINDOW_SECONDS, to: 0 },
    datasourceUid,
    model: { refId, expr, instant: false, range: true, intervalMs: 1000, maxDataPoints: 43200 },
  };
}

function exprNode(refId: string, model: Record<string, unknown>): AlertQuery {
  return {
    refId,
    queryType: "",
    relativeTimeRange: { from: 0, to: 0 },
    datasourceUid: "__expr__",
    model: { refId, ...model, datasource: EXPR },
  };
}

export const reduceLast = (refId: string, input: string): AlertQuery =>
  exprNode(refId, { type: "reduce", expression: input, reducer: "last", settings: { mode: "" } });

export const threshold = (refId: string, input: string, evaluator: ThresholdEvaluator): AlertQuery =>
  exprNode(refId, { type: "threshold", expression: input, conditions: [{ evaluator }] });

/** A math node; `expression` refers to other nodes as `$A`. */
export const math = (refId: string, expression: string): AlertQuery =>
  exprNode(refId, { type: "math", expression });

/**
 * The same query a week ago. A subquery takes the offset whatever the template looks like
 * (an `offset` directly on the template would have to follow each selector inside it).
 */
export const weekAgo = (expr: string): string => `last_over_time((${expr})[10m:1m] offset 1w)`;

/** Escapes a value for use inside a PromQL double-quoted label matcher. */
export const promLabelValue = (value: string): string => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
