// A small client for the two Prometheus HTTP API calls pull mode needs (lib/net/fetch-json:
// timeout, status checked).
import { fetchJson, type JsonAnswer } from "@/lib/net/fetch-json";
export type Matrix = { metric: Record<string, string>; values: [number, string][] }[];

type ApiAnswer<T> = { status: "success"; data: T } | { status: "error"; errorType: string; error: string };

export function prometheusApi(baseUrl: string, timeoutMs = 10_000) {
  const base = baseUrl.replace(/\/$/, "");
  async function get<T>(path: string, params: Record<string, string>): Promise<T> {
    const url = `${base}${path}?${new URLSearchParams(params)}`;
    let res: JsonAnswer;
    try {
      res = await fetchJson(url, { timeoutMs });
    } catch (err) {
      throw new Error(`Prometheus ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const body = res.body as Partial<ApiAnswer<T>> | string | undefined;
    if (typeof body === "object" && body.status === "success" && res.ok) return body.data as T;
    // Prometheus answers errors as JSON (400 bad query, 422 too many samples, 503 not ready);
    // anything else (a proxy's HTML page, an empty 502) is named by its status
    const detail = typeof body === "object" && body.status === "error" ? `${body.errorType}: ${body.error}` : `HTTP ${res.status}`;
    throw new Error(`Prometheus ${path}: ${detail}`);
  }
  return {
    labelValues: (label: string) => get<string[]>(`/api/v1/label/${encodeURIComponent(label)}/values`, {}),
    async queryRange(query: string, startS: number, endS: number, stepS: number): Promise<Matrix> {
      const data = await get<{ resultType: string; result: Matrix }>("/api/v1/query_range", {
        query, start: String(startS), end: String(endS), step: String(stepS),
      });
      return data.resultType === "matrix" ? data.result : [];
    },
  };
}
