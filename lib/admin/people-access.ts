import type { Role } from "@/lib/auth/roles";

// Who may manage whom: admins everyone; a lead only the engineers of their own team, never
// granting lead or admin, never moving someone to another team. Nobody changes their own role
// or deactivates themselves (so the last admin cannot lock everyone out). Pure: tested alone.

export type Manager = { id: string; role: Role; team: string | null };
export type Managed = { id: string; role: Role; team: string | null };
export type PersonChange = { role?: Role; team?: string | null; active?: boolean; name?: string };

/** Whether the manager may see and change this person at all. */
export function canManagePerson(m: Manager, p: Managed): boolean {
  if (m.role === "admin") return true;
  return m.role === "lead" && m.team !== null && p.team === m.team && (p.role === "engineer" || p.id === m.id);
}

/** Why a change is refused: a change nobody may make (invalid) or one this manager may not (forbidden). */
export type Refusal = { field: string; message: string; kind: "invalid" | "forbidden" };

/** Why this change is refused, or null when it may be made. */
export function refusedChange(m: Manager, p: Managed, change: PersonChange): Refusal | null {
  if (p.id === m.id && change.active === false) return { field: "active", message: "cannot deactivate yourself", kind: "invalid" };
  if (p.id === m.id && change.role !== undefined && change.role !== p.role) return { field: "role", message: "cannot change your own role", kind: "invalid" };
  if (m.role === "admin") return null;
  if (change.role !== undefined && change.role !== "engineer") return { field: "role", message: `a lead cannot grant ${change.role}`, kind: "forbidden" };
  if (change.team !== undefined && change.team !== m.team) return { field: "team", message: "a lead can only keep people in their own team", kind: "forbidden" };
  return null;
}

/** Whether the manager may add a person with this role and team. */
export function refusedNewPerson(m: Manager, p: { role: Role; team?: string | null }): Refusal | null {
  if (m.role === "admin") return null;
  if (p.role !== "engineer") return { field: "role", message: `a lead cannot grant ${p.role}`, kind: "forbidden" };
  if (!m.team || p.team !== m.team) return { field: "team", message: "a lead can only add people to their own team", kind: "forbidden" };
  return null;
}
