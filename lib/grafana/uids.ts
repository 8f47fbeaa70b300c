import { createHash } from "node:crypto";

// Grafana uids: 1–40 characters of [a-zA-Z0-9-_]. Ours are derived from portal keys so the
// same app, team or person always maps to the same Grafana object (idempotent upserts, drift
// checks by uid, no lookup table to keep).
export const GRAFANA_UID_MAX = 40;
export const GRAFANA_UID_RE = /^[a-zA-Z0-9-_]+$/;

const HASH_CHARS = 8;

function hash(key: string, chars: number): string {
  return createHash("sha256").update(key).digest("hex").slice(0, chars);
}

/**
 * `prefix + key` when that is a valid uid. Otherwise (too long, or characters Grafana refuses)
 * the key is sanitised and truncated, and `-` plus 8 hex chars of sha256(key) are appended,
 * so two keys that truncate or sanitise alike still get different uids.
 */
export function stableUid(prefix: string, key: string): string {
  const plain = prefix + key;
  if (plain.length <= GRAFANA_UID_MAX && GRAFANA_UID_RE.test(key)) return plain;
  const room = GRAFANA_UID_MAX - prefix.length - 1 - HASH_CHARS;
  const readable = key.replace(/[^a-zA-Z0-9-_]/g, "-").slice(0, Math.max(room, 0));
  return `${prefix}${readable}-${hash(key, HASH_CHARS)}`;
}

/** Folder holding one team's rules: `op-team-<team>`. */
export const folderUid = (team: string): string => stableUid("op-team-", team);

/** The traffic rule of one app: `op-app-<appId>`. */
export const appRuleUid = (appId: string): string => stableUid("op-app-", appId);

/** The detection-output rule of one team: `op-det-<team>`. */
export const detectionRuleUid = (team: string): string => stableUid("op-det-", team);

/** One person's contact point. Always hashed: emails are not valid uid characters (and are PII). */
export const contactPointUid = (email: string): string => `op-person-${hash(email.trim().toLowerCase(), 16)}`;
