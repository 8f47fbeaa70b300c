import net from "node:net";

// Which hosts the portal may send to (webhooks, the URLs it turns into Grafana contact points).
// Pure: no DNS here. A host is refused when it is, or resolves to, an address inside the
// portal's own network — loopback, private, shared (CGNAT), link-local (cloud metadata lives
// at 169.254.169.254), unique-local, unspecified, multicast or reserved — or a cloud metadata
// name, unless WEBHOOK_ALLOW_HOSTS names the host or a CIDR containing its address.

const FORBIDDEN_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network" / unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // shared address space (carrier-grade NAT)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const FORBIDDEN_V6: [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique-local (fd00:ec2::254 is AWS metadata)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
];

const forbidden = new net.BlockList();
for (const [a, p] of FORBIDDEN_V4) forbidden.addSubnet(a, p, "ipv4");
for (const [a, p] of FORBIDDEN_V6) forbidden.addSubnet(a, p, "ipv6");

// Names that reach a cloud provider's instance metadata service, or this machine.
const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "metadata.azure.internal",
  "instance-data",
  "instance-data.ec2.internal",
  "localhost",
]);

/** `[::1]` → `::1`; lower-case; no trailing dot. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/** IPv4 embedded in an IPv6 address (::ffff:a.b.c.d, 64:ff9b::a.b.c.d, ::a.b.c.d), else null. */
function embeddedV4(ip: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isForbiddenAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 4) return forbidden.check(ip, "ipv4");
  if (family === 6) {
    const v4 = embeddedV4(ip);
    if (v4) return forbidden.check(v4, "ipv4");
    return forbidden.check(ip, "ipv6");
  }
  return true; // not an address at all: never connect to it
}

export function isMetadataName(host: string): boolean {
  const h = bareHost(host);
  return METADATA_NAMES.has(h) || h.endsWith(".localhost") || h.endsWith(".internal");
}

export type AllowList = { hosts: Set<string>; nets: net.BlockList; entries: string[] };

/** WEBHOOK_ALLOW_HOSTS: comma-separated hostnames and CIDRs (a bare address is a /32 or /128). */
export function parseAllowList(value: string | undefined): AllowList {
  const hosts = new Set<string>();
  const nets = new net.BlockList();
  const entries: string[] = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    entries.push(entry);
    const [addr, bits] = entry.split("/") as [string, string | undefined];
    const a = bareHost(addr);
    const family = net.isIP(a);
    if (family) {
      const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" is not a valid CIDR`);
      nets.addSubnet(a, prefix, family === 4 ? "ipv4" : "ipv6");
    } else {
      if (bits !== undefined || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(a)) {
        throw new Error(`"${entry}" is neither a hostname nor a CIDR`);
      }
      hosts.add(a);
    }
  }
  return { hosts, nets, entries };
}

function allowedAddress(ip: string, allow: AllowList): boolean {
  const family = net.isIP(ip);
  if (!family) return false;
  return allow.nets.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** Is this host name (as in the URL) allowed outright by the allow-list? */
export function hostAllowed(host: string, allow: AllowList): boolean {
  return allow.hosts.has(bareHost(host));
}

/** Why `address` (what `host` resolved to) may not be used, or null when it may. */
export function refusalFor(host: string, address: string, allow: AllowList): string | null {
  if (hostAllowed(host, allow) || allowedAddress(address, allow)) return null;
  if (isForbiddenAddress(address)) return "points into a private or local network";
  return null;
}

/** Refusal decided by the name alone (before any DNS), or null. */
export function refusalForName(host: string, allow: AllowList): string | null {
  const h = bareHost(host);
  if (hostAllowed(h, allow)) return null;
  if (net.isIP(h)) return refusalFor(h, h, allow);
  if (isMetadataName(h)) return "is a local or cloud metadata host";
  return null;
}
