import type { Role } from "@/lib/auth/roles";
import { appIdSchema } from "@/lib/validation/ownership";
import { nameText } from "@/lib/validation/text";
import { describeWhere, type ImportChange, type ImportError, type ImportRecord } from "./types";

// What an import would change, decided from the records and the current state alone (pure:
// the server loads the state, this decides, the server applies). Any error means nothing is
// applied; the dry run shows both lists.

export type CurrentApp = { team: string; name: string; owner: string | null; backup: string | null };
export type ImportState = {
  apps: ReadonlyMap<string, CurrentApp>;
  teams: ReadonlySet<string>;
  /** people by (lower-case) email: whether they are active */
  people: ReadonlyMap<string, { active: boolean }>;
};
export type Importer = { role: Role; team: string | null };

/** The resulting state of one app: what the apply step writes. */
export type PlannedApp = { appId: string; create: boolean; after: CurrentApp; before: CurrentApp | null; changes: ImportChange[] };

export type Plan = { changes: ImportChange[]; errors: ImportError[]; apps: PlannedApp[] };

const appName = nameText(120);

export function planImport(records: readonly ImportRecord[], state: ImportState, who: Importer): Plan {
  const errors: ImportError[] = [];
  const apps: PlannedApp[] = [];
  const seen = new Map<string, ImportRecord>();
  for (const r of records) {
    const err = (field: string, message: string) => errors.push({ ...r.at, field, message });
    const id = appIdSchema.safeParse(r.appId);
    if (!id.success) {
      err("appId", `${JSON.stringify(r.appId.slice(0, 80))} ${id.error.issues[0]?.message ?? "is not a valid appId"}`);
      continue;
    }
    const appId = id.data;
    const first = seen.get(appId);
    if (first) {
      err("appId", `${appId} is already described at ${describeWhere(first.at)}`);
      continue;
    }
    seen.set(appId, r);
    const before = state.apps.get(appId) ?? null;
    const before0 = before ?? { team: "", name: "", owner: null, backup: null };
    const errorsBefore = errors.length;

    // team: must exist; a lead imports only apps of their own team, and cannot move them out
    const team = r.team ?? before?.team;
    if (!team) err("team", `is required for a new app (${appId} is not in the portal yet)`);
    else if (!state.teams.has(team)) err("team", `${team} is not a known team`);
    if (who.role !== "admin") {
      if (before && before.team !== who.team) err("team", `${appId} belongs to ${before.team}; a lead imports only their own team's apps`);
      else if (team && team !== who.team) err("team", `a lead imports only apps of their own team (${who.team ?? "none"})`);
    }

    let name = before?.name ?? appId;
    if (r.name !== undefined) {
      const n = appName.safeParse(r.name);
      if (n.success) name = n.data;
      else err("name", n.error.issues[0]?.message ?? "is not a valid name");
    }

    // a deactivated person cannot be handed an app or named backup; one who already is (an
    // export read back) is no change, and refusing it would make every export of a fleet with
    // a deactivated owner unimportable
    const person = (field: "owner" | "backup", email: string) => {
      const p = state.people.get(email);
      if (!p) err(field, `${email} is not a known person`);
      else if (!p.active && email !== before0[field]) err(field, `${email} is deactivated`);
    };
    const owner = r.owner === undefined ? before0.owner : r.owner;
    if (r.owner) person("owner", r.owner);
    // a new owner who was the backup stops being the backup (as a transfer does)
    let backup = r.backup === undefined ? (owner === before0.backup ? null : before0.backup) : r.backup;
    if (owner === null) {
      if (r.backup) err("backup", "needs an owner: an app without owner has no backup");
      backup = null;
    }
    if (r.backup) {
      person("backup", r.backup);
      if (r.backup === owner) err("backup", "is the owner: the owner cannot be their own backup");
    }
    if (errors.length > errorsBefore) continue;

    const after: CurrentApp = { team: team!, name, owner, backup };
    const changes: ImportChange[] = [];
    const change = (field: ImportChange["field"], from: string | null, to: string | null) => {
      if (from !== to) changes.push({ ...r.at, appId, field, before: from, after: to });
    };
    if (!before) change("app", null, appId);
    change("name", before?.name ?? null, after.name);
    change("team", before?.team ?? null, after.team);
    change("owner", before0.owner, after.owner);
    change("backup", before0.backup, after.backup);
    if (changes.length > 0) apps.push({ appId, create: !before, before, after, changes });
  }
  return { changes: apps.flatMap((a) => a.changes), errors, apps };
}
