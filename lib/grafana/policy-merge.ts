import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, contactPointName } from "./names";
import type { ObjectMatcher, Route } from "./types";

/** A route the portal wants: alerts whose `responder` label is this email go to their contact point. */
export interface ResponderRoute {
  email: string;
  /** Receiver name; defaults to the person's contact point name. */
  receiver?: string;
}

/**
 * `continue: true` so a portal route never steals an alert from the routes people configured
 * after it: the responder is notified *in addition* to whatever the tree did before.
 */
export function buildResponderRoute(r: ResponderRoute): Route {
  return {
    receiver: r.receiver ?? contactPointName(r.email),
    object_matchers: [
      [MANAGED_BY_LABEL, "=", MANAGED_BY_VALUE],
      ["responder", "=", r.email],
    ],
    continue: true,
  };
}

const isMatcher = (m: ObjectMatcher, name: string, value?: string): boolean =>
  m[0] === name && m[1] === "=" && (value === undefined || m[2] === value);

/** The responder email a top-level route is owned for, or null if the portal does not own it. */
export function ownedResponder(route: Route): string | null {
  const ms = route.object_matchers ?? [];
  if (!ms.some((m) => isMatcher(m, MANAGED_BY_LABEL, MANAGED_BY_VALUE))) return null;
  return ms.find((m) => isMatcher(m, "responder"))?.[2] ?? null;
}

/**
 * Returns a new tree where the portal's top-level routes are exactly `desired`:
 * - every route the portal does not own (and the root's own settings) is kept as-is, in order;
 * - an owned route still desired is updated in place (keeps its position);
 * - owned routes no longer desired, and duplicates, are removed;
 * - new routes are inserted after the last owned route, or at the top if there is none
 *   (they only match portal alerts, so the top cannot shadow anyone else's routes).
 * New routes are sorted by email, so the same input always yields the same tree.
 */
export function mergePolicyTree(liveTree: Route, desired: readonly ResponderRoute[]): Route {
  const want = new Map(desired.map((d) => [d.email, buildResponderRoute(d)]));
  const placed = new Set<string>();
  const out: Route[] = [];
  let insertAt = 0;
  for (const route of liveTree.routes ?? []) {
    const email = ownedResponder(route);
    if (email === null) {
      out.push(route);
      continue;
    }
    const next = want.get(email);
    if (next && !placed.has(email)) {
      out.push({ ...route, ...next });
      placed.add(email);
    }
    insertAt = out.length;
  }
  const added = [...want.entries()]
    .filter(([email]) => !placed.has(email))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, r]) => r);
  out.splice(insertAt, 0, ...added);
  return { ...liveTree, routes: out };
}
