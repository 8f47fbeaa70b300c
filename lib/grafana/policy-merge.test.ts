import { describe, expect, it } from "vitest";
import { mergePolicyTree, ownedResponder } from "./policy-merge";
import type { Route } from "./types";

const owned = (email: string, extra: Partial<Route> = {}): Route => ({
  receiver: `portal-responder-${email}`,
  object_matchers: [["managed_by", "=", "ownership-portal"], ["responder", "=", email]],
  continue: true,
  ...extra,
});
const teamRoute: Route = { receiver: "team-slack", object_matchers: [["team", "=", "payments"]], group_wait: "1m" };
const catchAll: Route = { receiver: "ops", routes: [{ receiver: "ops-nested" }] };

describe("mergePolicyTree", () => {
  it("inserts routes at the top of a tree without portal routes and keeps the rest as-is", () => {
    const live: Route = { receiver: "default", group_by: ["alertname"], routes: [teamRoute, catchAll], provenance: "api" };
    const merged = mergePolicyTree(live, [{ email: "b@x.io" }, { email: "a@x.io" }]);
    expect(merged.routes).toEqual([owned("a@x.io"), owned("b@x.io"), teamRoute, catchAll]);
    expect(merged).toMatchObject({ receiver: "default", group_by: ["alertname"], provenance: "api" });
    expect(live.routes).toHaveLength(2); // input untouched
  });

  it("updates owned routes in place, removes stale ones and duplicates, appends new ones after the last", () => {
    const live: Route = {
      receiver: "default",
      routes: [teamRoute, owned("a@x.io", { receiver: "old" }), catchAll, owned("gone@x.io"), owned("a@x.io")],
    };
    const merged = mergePolicyTree(live, [{ email: "a@x.io" }, { email: "c@x.io" }]);
    expect(merged.routes).toEqual([teamRoute, owned("a@x.io"), catchAll, owned("c@x.io")]);
  });

  it("keeps settings people added to an owned route", () => {
    const live: Route = { receiver: "d", routes: [owned("a@x.io", { group_wait: "2m" })] };
    expect(mergePolicyTree(live, [{ email: "a@x.io" }]).routes?.[0]).toMatchObject({ group_wait: "2m", receiver: "portal-responder-a@x.io" });
  });

  it("never treats a route as owned without the managed_by matcher", () => {
    const lookalike: Route = { receiver: "x", object_matchers: [["responder", "=", "a@x.io"]] };
    expect(ownedResponder(lookalike)).toBeNull();
    expect(mergePolicyTree({ receiver: "d", routes: [lookalike] }, []).routes).toEqual([lookalike]);
  });

  it("is idempotent", () => {
    const once = mergePolicyTree({ receiver: "d", routes: [teamRoute] }, [{ email: "a@x.io" }]);
    expect(mergePolicyTree(once, [{ email: "a@x.io" }])).toEqual(once);
  });
});
