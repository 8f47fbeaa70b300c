import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/http/route-table";
import { ACTORS, AUTHORIZATION, makeMatrixWorld, type ActorName, type Credentials } from "./authorization";
import { dbFingerprint } from "./db-state";
import { send } from "./dispatch";

// The authorization matrix: every mutating route of lib/http/route-table.ts × every actor.
const MUTATING = API_ROUTES.flatMap((r) => r.methods.filter((m) => m !== "GET").map((m) => `${m} ${r.path}`));

function headersFor(c: Credentials): Record<string, string> {
  return { ...(c.cookie ? { cookie: c.cookie } : {}), ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) };
}

describe("authorization matrix", () => {
  it("has a row for every mutating route", () => {
    const missing = MUTATING.filter((k) => !AUTHORIZATION[k]);
    expect(missing, `no authorization row in test/integration/hostile/authorization.ts for: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(AUTHORIZATION).filter((k) => !MUTATING.includes(k));
    expect(stale, `authorization rows for routes that are not in lib/http/route-table.ts: ${stale.join(", ")}`).toEqual([]);
  });

  const cells = MUTATING.filter((k) => AUTHORIZATION[k] && AUTHORIZATION[k].allow !== "public");
  for (const key of cells) {
    it(`${key} × ${ACTORS.length} actors`, async () => {
      const row = AUTHORIZATION[key]!;
      const method = key.split(" ")[0]!;
      const mismatches: string[] = [];
      for (const actor of ACTORS) {
        const w = await makeMatrixWorld();
        const req = await row.request(w);
        const allowed = (row.allow as readonly ActorName[]).includes(actor);
        const before = allowed ? "" : await dbFingerprint();
        const res = await send({ method, path: req.path, headers: headersFor(w.credentials(actor)), body: req.body === undefined ? undefined : JSON.stringify(req.body) });
        const denied = [401, 403, 404].includes(res.status);
        if (res.status >= 500) mismatches.push(`${actor}: ${res.status} ${res.text}`);
        else if (allowed && denied) mismatches.push(`${actor}: expected to be allowed, got ${res.status} ${res.text}`);
        else if (!allowed && !denied) mismatches.push(`${actor}: expected 401/403/404, got ${res.status} ${res.text}`);
        else if (!allowed && (await dbFingerprint()) !== before) mismatches.push(`${actor}: refused with ${res.status} but the database changed`);
      }
      expect(mismatches, key).toEqual([]);
    }, 600_000); // ten fresh worlds per row: generous on a loaded machine, never a speed assertion
  }

  it(`covers ${cells.length} routes × ${ACTORS.length} actors = ${cells.length * ACTORS.length} cells`, () => {
    console.log(`[hostile] authorization matrix: ${cells.length} mutating routes × ${ACTORS.length} actors = ${cells.length * ACTORS.length} cells`);
    expect(cells.length * ACTORS.length).toBeGreaterThanOrEqual(200);
  });
});
