import { describe, expect, it } from "vitest";
import { FAILED_RETRY_MS } from "./backoff";
import {
  APP_KIND, CONTACT_KIND, chunks, claimStamp, failureUpdate, groupBy, mapLimit, splitTasks, taskError, toStepError,
  type DrainResults, type TaskRow,
} from "./plan";

const NOW = new Date("2030-01-01T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const task = (t: Partial<TaskRow> = {}): TaskRow => ({
  id: "t1", kind: APP_KIND, subject: "checkout", status: "pending", attempts: 0, nextAttemptAt: ago(1), updatedAt: ago(1), ...t,
});

describe("claimStamp", () => {
  it("is now, or 1 ms after the row's last change when that is not earlier", () => {
    expect(claimStamp({ updatedAt: ago(5) }, NOW)).toEqual(NOW);
    expect(claimStamp({ updatedAt: NOW }, NOW).getTime()).toBe(NOW.getTime() + 1);
  });
});

describe("splitTasks", () => {
  it("dedupes subjects per kind and lower-cases contact emails", () => {
    const s = splitTasks([
      task({ subject: "a" }), task({ subject: "a" }), task({ subject: "b" }),
      task({ kind: CONTACT_KIND, subject: "Ann@Example.com" }), task({ kind: "other" }),
    ]);
    expect(s.appIds).toEqual(["a", "b"]);
    expect(s.contactEmails).toEqual(["ann@example.com"]);
    expect(s.unknown).toHaveLength(1);
  });
});

describe("groupBy", () => {
  it("groups 1,000 apps of 3 teams into 3 sorted groups", () => {
    const apps = Array.from({ length: 1000 }, (_, i) => ({ appId: `a${i}`, team: ["t-c", "t-a", "t-b"][i % 3] ?? "" }));
    const g = groupBy(apps, (a) => a.team);
    expect([...g.keys()]).toEqual(["t-a", "t-b", "t-c"]);
    expect([...g.values()].reduce((n, l) => n + l.length, 0)).toBe(1000);
  });
});

describe("taskError", () => {
  const results = (r: Partial<DrainResults> = {}): DrainResults => ({
    appTeam: new Map([["checkout", "payments"], ["gone", null]]),
    teams: new Map([["payments", null]]),
    apps: new Map(),
    routing: null,
    ...r,
  });

  it("is done when the team push and routing both succeeded", () => {
    expect(taskError(task(), results())).toBeNull();
  });

  it("takes the team's error, then the routing error", () => {
    const down = { message: "503", retryable: true };
    expect(taskError(task(), results({ teams: new Map([["payments", down]]) }))).toBe(down);
    expect(taskError(task(), results({ routing: down }))).toBe(down);
    expect(taskError(task({ kind: CONTACT_KIND, subject: "a@x" }), results({ routing: down }))).toBe(down);
  });

  it("prefers the app's own error (an invalid rule)", () => {
    const bad = { message: "invalid rule", retryable: false };
    expect(taskError(task(), results({ apps: new Map([["checkout", bad]]) }))).toBe(bad);
  });

  it("refuses unknown kinds for good", () => {
    expect(taskError(task({ kind: "x" }), results())?.retryable).toBe(false);
  });
});

describe("failureUpdate", () => {
  it("backs off a retryable failure and keeps the task pending", () => {
    const u = failureUpdate({ attempts: 2 }, { message: "timeout", retryable: true }, NOW, () => 1);
    expect(u).toMatchObject({ status: "pending", attempts: 3, lastError: "timeout" });
    expect(u.nextAttemptAt.getTime() - NOW.getTime()).toBe(20_000);
  });

  it("marks a non-retryable failure failed, retried an hour later", () => {
    const u = failureUpdate({ attempts: 0 }, { message: "400", retryable: false }, NOW);
    expect(u).toMatchObject({ status: "failed", attempts: 1 });
    expect(u.nextAttemptAt.getTime() - NOW.getTime()).toBe(FAILED_RETRY_MS);
  });
});

describe("toStepError", () => {
  it("reads GrafanaError.retryable and treats unknown errors as retryable", () => {
    expect(toStepError(Object.assign(new Error("bad"), { retryable: false }))).toEqual({ message: "bad", retryable: false });
    expect(toStepError("boom")).toEqual({ message: "boom", retryable: true });
  });
});

describe("chunks and mapLimit", () => {
  it("slices and keeps order with bounded concurrency", async () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });
});
