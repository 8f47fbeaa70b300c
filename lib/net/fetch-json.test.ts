import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prometheusApi } from "@/lib/traffic/prometheus-api";
import { FetchError, fetchJson } from "./fetch-json";

// A real loopback server: each path answers one way.
let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/json") return res.writeHead(200, { "content-type": "application/json" }).end('{"a":1}');
    if (req.url === "/echo") {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => res.writeHead(201).end(JSON.stringify({ method: req.method, type: req.headers["content-type"], body: JSON.parse(body) })));
      return;
    }
    if (req.url === "/bad") return res.writeHead(422).end('{"message":"no"}');
    if (req.url === "/html") return res.writeHead(502).end("<html>bad gateway</html>");
    if (req.url?.startsWith("/api/v1/label/")) return res.writeHead(502).end("<html>bad gateway</html>");
    if (req.url?.startsWith("/api/v1/query_range")) return res.writeHead(400).end('{"status":"error","errorType":"bad_data","error":"parse error"}');
    if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end("{}"), 2_000);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("fetchJson", () => {
  it("answers the status and the parsed body, and sends JSON bodies", async () => {
    expect(await fetchJson(`${base}/json`, { timeoutMs: 1_000 })).toEqual({ status: 200, ok: true, body: { a: 1 } });
    expect((await fetchJson(`${base}/echo`, { method: "POST", body: { x: [1] }, timeoutMs: 1_000 })).body).toEqual({
      method: "POST", type: "application/json", body: { x: [1] },
    });
  });

  it("returns a non-2xx answer with its body for the caller to name", async () => {
    expect(await fetchJson(`${base}/bad`, { timeoutMs: 1_000 })).toEqual({ status: 422, ok: false, body: { message: "no" } });
    expect(await fetchJson(`${base}/html`, { timeoutMs: 1_000 })).toMatchObject({ status: 502, ok: false, body: "<html>bad gateway</html>" });
  });

  it("throws a typed FetchError on a timeout and on no connection", async () => {
    await expect(fetchJson(`${base}/slow`, { timeoutMs: 100 })).rejects.toMatchObject({ name: "FetchError", kind: "timeout" });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await fetchJson(`http://127.0.0.1:${port}/`, { timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe("network");
  });
});

describe("prometheusApi", () => {
  it("names Prometheus' own error, and a non-JSON answer by its status", async () => {
    const api = prometheusApi(base, 1_000);
    await expect(api.queryRange("x{", 0, 60, 60)).rejects.toThrow("Prometheus /api/v1/query_range: bad_data: parse error");
    await expect(api.labelValues("app")).rejects.toThrow("Prometheus /api/v1/label/app/values: HTTP 502");
  });
});
