export const ROLES = ["engineer", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { engineer: 0, lead: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
