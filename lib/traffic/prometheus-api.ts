// A small client for the two Prometheus HTTP API calls pull mode needs.
export type Matrix = { metric: Record<string, string>; values: [number, string][] }[];

type ApiAnswer<T> = { status: "success"; data: T } | { status: "error"; errorType: string; error: string };

export function prometheusApi(baseUrl: string, timeoutMs = 10_000) {
  const base = baseUrl.replace(/\/$/, "");
  async function get<T>(path: string, params: Record<string, string>): Promise<T> {
    const url = `${base}${path}?${new URLSearchParams(params)}`;
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as ApiAnswer<T>;
    if (body.status !== "success") throw new Error(`Prometheus ${path}: ${body.errorType}: ${body.error}`);
    return body.data;
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
