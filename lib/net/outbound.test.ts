import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isForbiddenAddress, parseAllowList, refusalForName } from "./address-policy";
import { checkOutboundUrl, OutboundError, postJson, type Resolver } from "./outbound";

const none = parseAllowList("");
const fixed = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const PUBLIC = "93.184.215.14";

describe("isForbiddenAddress", () => {
  it("refuses loopback, private, shared, link-local, unique-local, unspecified, multicast and mapped forms", () => {
    for (const ip of ["127.0.0.1", "127.255.1.2", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254",
      "0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "::1", "fd00:ec2::254", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:7f00:1",
      "64:ff9b::a9fe:a9fe", "::ffff:10.0.0.1", "not-an-ip"]) {
      expect(isForbiddenAddress(ip), ip).toBe(true);
    }
  });
  it("lets public addresses through", () => {
    for (const ip of [PUBLIC, "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isForbiddenAddress(ip), ip).toBe(false);
  });
});

describe("checkOutboundUrl", () => {
  it("refuses every spelling of loopback and the metadata hosts", async () => {
    for (const u of ["http://127.0.0.1/x", "http://127.1/x", "http://0x7f000001/x", "http://2130706433/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
      "http://169.254.169.254/latest/meta-data", "http://metadata.google.internal/computeMetadata/v1", "http://localhost:3000/", "http://a.localhost/",
      "http://10.0.0.5/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://METADATA.GOOGLE.INTERNAL./"]) {
      expect(await checkOutboundUrl(u, none, fixed(PUBLIC)), u).toMatch(/must not point at/);
    }
  });
  it("refuses a name that resolves into a private network, and any URL with credentials or another scheme", async () => {
    expect(await checkOutboundUrl("https://hooks.example.com/x", none, fixed(PUBLIC, "10.0.0.7"))).toMatch(/resolves to 10\.0\.0\.7/);
    expect(await checkOutboundUrl("https://u:p@hooks.example.com/x", none, fixed(PUBLIC))).toMatch(/user name or password/);
    expect(await checkOutboundUrl("ftp://hooks.example.com/x", none, fixed(PUBLIC))).toMatch(/http\(s\)/);
  });
  it("accepts public hosts, names that do not resolve now, and what WEBHOOK_ALLOW_HOSTS allows", async () => {
    expect(await checkOutboundUrl("https://hooks.example.com/x", none, fixed(PUBLIC))).toBeNull();
    expect(await checkOutboundUrl("https://nowhere.invalid/x", none, () => Promise.reject(new Error("ENOTFOUND")))).toBeNull();
    const allow = parseAllowList("chat.corp, 10.20.0.0/16, ::1");
    expect(await checkOutboundUrl("https://chat.corp/x", allow, fixed("10.9.9.9"))).toBeNull();
    expect(await checkOutboundUrl("http://10.20.3.4/x", allow)).toBeNull();
    expect(await checkOutboundUrl("http://[::1]/x", allow)).toBeNull();
    expect(await checkOutboundUrl("https://other.corp/x", allow, fixed("10.20.1.1"))).toBeNull();
    expect(await checkOutboundUrl("https://other.corp/x", allow, fixed("10.21.1.1"))).toMatch(/10\.21\.1\.1/);
  });
  it("rejects a malformed allow-list entry", () => {
    expect(() => parseAllowList("10.0.0.0/33")).toThrow(/CIDR/);
    expect(() => parseAllowList("host name")).toThrow(/hostname/);
    expect(refusalForName("chat.corp", parseAllowList("chat.corp"))).toBeNull();
  });
});

describe("postJson", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  async function receiver(handler: http.RequestListener) {
    const hits: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.headers);
      req.resume();
      req.on("end", () => handler(req, res));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { port: (server.address() as AddressInfo).port, hits };
  }

  it("refuses at send time when the name now resolves to loopback (DNS rebinding), without connecting", async () => {
    const r = await receiver((_, res) => res.end("ok"));
    let calls = 0;
    const rebinding: Resolver = async () => [{ address: calls++ === 0 ? PUBLIC : "127.0.0.1", family: 4 }];
    expect(await checkOutboundUrl(`http://hooks.example.com:${r.port}/x`, none, rebinding)).toBeNull();
    const err = await postJson(`http://hooks.example.com:${r.port}/x`, {}, { timeoutMs: 2000, allow: none, resolve: rebinding }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).kind).toBe("refused");
    expect((err as OutboundError).publicReason()).toBe("failed (no connection)");
    expect(r.hits).toHaveLength(0);
  });

  it("connects to the checked address when allowed, sends headers, and does not follow redirects", async () => {
    const target = await receiver((_, res) => res.end("ok"));
    const r = await receiver((_, res) => res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end());
    const allow = parseAllowList("127.0.0.1");
    const err = (await postJson(`http://127.0.0.1:${r.port}/x`, { a: 1 }, { timeoutMs: 2000, allow, headers: { "idempotency-key": "f:opened" } }).catch((e: unknown) => e)) as OutboundError;
    expect(err.publicReason()).toBe("failed (HTTP 3xx)");
    expect(r.hits[0]?.["idempotency-key"]).toBe("f:opened");
    expect(target.hits).toHaveLength(0);
    const ok = await receiver((_, res) => res.end("ok"));
    expect(await postJson(`http://localhost.example:${ok.port}/x`, {}, { timeoutMs: 2000, allow, resolve: fixed("127.0.0.1") })).toBe(200);
  });

  it("says only the status class or timeout of a failure", async () => {
    const allow = parseAllowList("127.0.0.1");
    const five = await receiver((_, res) => res.writeHead(503).end("internal detail: db at 10.0.0.3 down"));
    const e5 = (await postJson(`http://127.0.0.1:${five.port}/`, {}, { timeoutMs: 2000, allow }).catch((e: unknown) => e)) as OutboundError;
    expect([e5.publicReason(), e5.message]).toEqual(["failed (HTTP 5xx)", "answered HTTP 503"]);
    const slow = await receiver(() => undefined);
    const et = (await postJson(`http://127.0.0.1:${slow.port}/`, {}, { timeoutMs: 200, allow }).catch((e: unknown) => e)) as OutboundError;
    expect(et.publicReason()).toBe("failed (timeout)");
    const closed = (await postJson("http://127.0.0.1:9/", {}, { timeoutMs: 2000, allow }).catch((e: unknown) => e)) as OutboundError;
    expect(closed.publicReason()).toBe("failed (no connection)");
    const refused = (await postJson("http://127.0.0.1:9/", {}, { timeoutMs: 2000, allow: none }).catch((e: unknown) => e)) as OutboundError;
    expect([refused.kind, refused.publicReason()]).toEqual(["refused", "failed (no connection)"]);
  });
});
