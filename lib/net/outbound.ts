import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";
import { bareHost, refusalFor, refusalForName, type AllowList } from "./address-policy";

// Outbound HTTP to hosts that users name (notification webhooks). Two checks:
//  - when the URL is saved (checkOutboundUrl): the name, and every address it resolves to now;
//  - when it is used (postJson): the connection goes only to an address checked in that very
//    lookup — a name that resolved to a public address at save time and to 127.0.0.1 now (DNS
//    rebinding) is refused before any byte is sent. Redirects are never followed.
// What callers show users of a failure is `publicReason()`: the HTTP status class or
// "timeout" / "no connection", never the remote side's text or the refusal reason.

export type OutboundFailure = "refused" | "timeout" | "network" | "http";

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "OutboundError";
  }

  /** What a user may read: "failed (HTTP 5xx)", "failed (timeout)", "failed (no connection)". */
  publicReason(): string {
    if (this.kind === "http" && this.status) return `failed (HTTP ${Math.floor(this.status / 100)}xx)`;
    if (this.kind === "timeout") return "failed (timeout)";
    return "failed (no connection)";
  }
}

const LOOKUP_TIMEOUT_MS = 3_000;

/** How names become addresses: the system resolver (tests pass their own to simulate rebinding). */
export type Resolver = (host: string) => Promise<dns.LookupAddress[]>;

export function lookupAll(host: string): Promise<dns.LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })), LOOKUP_TIMEOUT_MS);
    dns.lookup(host, { all: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses);
    });
  });
}

/**
 * Save-time check of a user-supplied http(s) URL. Returns why it is refused, or null.
 * A name that does not resolve right now is accepted (it cannot reach anything; the send-time
 * check still applies when it starts resolving).
 */
export async function checkOutboundUrl(raw: string, allow: AllowList, resolve: Resolver = lookupAll): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not contain a user name or password";
  const host = bareHost(url.hostname);
  const byName = refusalForName(host, allow);
  if (byName) return `must not point at ${host}: it ${byName}`;
  if (net.isIP(host)) return null;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return null;
  }
  for (const a of addresses) {
    const why = refusalFor(host, a.address, allow);
    if (why) return `must not point at ${host}: it resolves to ${a.address}, which ${why}`;
  }
  return null;
}

// net's lookup hook: resolve, refuse if any address is not allowed, hand back only checked ones.
function guardedLookup(host: string, allow: AllowList, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then((all) => {
      const addresses = options.family ? all.filter((a) => a.family === options.family) : all;
      const bad = addresses.find((a) => refusalFor(host, a.address, allow));
      if (bad || addresses.length === 0) {
        return callback(new OutboundError("refused", `refused: ${hostname} resolves to ${bad?.address ?? "nothing"}`), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    }, (err: NodeJS.ErrnoException) => callback(err, "", 0));
  };
}

/** POST a JSON body; resolves with the status of a 2xx answer, throws OutboundError otherwise. */
export function postJson(
  raw: string,
  body: unknown,
  opts: { timeoutMs: number; allow: AllowList; headers?: Record<string, string>; resolve?: Resolver },
): Promise<number> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return reject(new OutboundError("refused", "refused: not a URL"));
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return reject(new OutboundError("refused", "refused: not http(s)"));
    const host = bareHost(url.hostname);
    const byName = refusalForName(host, opts.allow);
    if (byName) return reject(new OutboundError("refused", `refused: ${host} ${byName}`));
    const payload = Buffer.from(JSON.stringify(body));
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const req = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(payload.length), ...opts.headers },
      lookup: guardedLookup(host, opts.allow, opts.resolve ?? lookupAll),
      signal,
      // one fresh connection per delivery: a pooled socket would skip the lookup check
      agent: false,
    });
    req.on("response", (res) => {
      res.resume(); // the body is never read: nothing of the remote side reaches a user
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else reject(new OutboundError("http", `answered HTTP ${status}`, status));
      });
      res.on("error", () => undefined);
    });
    req.on("error", (err) => {
      if (err instanceof OutboundError) return reject(err);
      if (signal.aborted) return reject(new OutboundError("timeout", "timed out"));
      reject(new OutboundError("network", err.message));
    });
    req.end(payload);
  });
}
