import type { CurrentApp } from "./plan";

// Pure: what an applied import changed about one app, in the words of the other ownership
// changes' notices (lib/ownership/manage-app.ts), for the change notice to its owner and backup.
export function describeImportedChange(before: CurrentApp | null, after: CurrentApp): string | null {
  const parts: string[] = [];
  const who = (email: string | null) => email ?? "nobody";
  if (before && before.name !== after.name) parts.push(`renamed it from "${before.name}" to "${after.name}"`);
  if (before && before.team !== after.team) parts.push(`moved it from team ${before.team} to ${after.team}`);
  const owner = before?.owner ?? null;
  const backup = before?.backup ?? null;
  if (owner !== after.owner) {
    parts.push(after.owner === null ? "released ownership (it has no owner now)" : `transferred ownership from ${who(owner)} to ${who(after.owner)}`);
  }
  if (backup !== after.backup) parts.push(`changed the backup from ${who(backup)} to ${who(after.backup)}`);
  if (parts.length === 0) return null;
  return parts.join("; ");
}
