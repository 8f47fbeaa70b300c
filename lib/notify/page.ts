import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { DOWN_DETECTORS, type FindingDetector } from "@/lib/domain/enums";
import { env } from "@/lib/env";
import { isUniqueViolation } from "@/lib/errors";
import { responderOf } from "@/lib/ownership/responder";
import { contactSelect } from "@/lib/ownership/views";
import { sourceDownExplanation, sourceLooksDown, sourceRecovered } from "./fleet-guard";
import { queueFor, queueResolved } from "./queue";

// Who hears about a new finding, decided in one place. The detection opens findings with
// pageState "pending"; this pass (after every detection tick) decides for each: paged (its
// responder is notified), silenced (an active silence of its app), covered (a fleet-wide
// source_down finding explains it) — each in its own transaction, conditional on "pending",
// so a finding is decided once even when two passes overlap (its messages are sent at-least-once).

export const SOURCE_DOWN_KEY = "fleet:source_down";
const RECENT_TRAFFIC_MS = 3_600_000;

export type PageReport = { paged: number; silenced: number; covered: number; quiet: number; sourceDown: "opened" | "open" | "resolved" | null };

const pendingSelect = {
  id: true, appRef: true, detector: true, status: true, startedAt: true,
  app: { select: { ownership: { select: { owner: { select: contactSelect }, backup: { select: contactSelect } } } } },
} as const;

export async function pageNewFindings(now = new Date()): Promise<PageReport> {
  const e = env();
  const smtp = Boolean(e.SMTP_URL);
  const report: PageReport = { paged: 0, silenced: 0, covered: 0, quiet: 0, sourceDown: null };
  const pending = await db().finding.findMany({ where: { pageState: "pending" }, select: pendingSelect, orderBy: { startedAt: "asc" } });
  const appsWithTraffic = await db().appSignal.count({ where: { evaluatedAt: { gte: new Date(now.getTime() - RECENT_TRAFFIC_MS), lte: new Date(now.getTime() + 60_000) } } });

  // step 1: the fleet-wide guard over the findings that opened in this tick, for apps that had
  // traffic within the last hour (an app silent for days is not part of a source outage now)
  const recent = now.getTime() - RECENT_TRAFFIC_MS;
  const down = pending.filter((f) => f.status === "open" && f.appRef && DOWN_DETECTORS.includes(f.detector as FindingDetector) && f.startedAt.getTime() >= recent);
  const downApps = new Set(down.map((f) => f.appRef));
  let cover = await db().finding.findUnique({ where: { openKey: SOURCE_DOWN_KEY }, select: { id: true } });
  if (cover) report.sourceDown = "open";
  else if (sourceLooksDown({ downApps: downApps.size, appsWithTraffic, percent: e.SOURCE_DOWN_PERCENT, minApps: e.SOURCE_DOWN_MIN_APPS })) {
    const at = Math.min(...down.map((f) => f.startedAt.getTime()));
    cover = await openSourceDown(downApps.size, appsWithTraffic, at, now, smtp);
    report.sourceDown = "opened";
  }

  // step 2: each pending finding, once
  const apps = [...new Set(pending.map((f) => f.appRef).filter((a): a is string => a !== null))];
  const silences = await db().silence.findMany({
    where: { appRef: { in: apps }, endedAt: null, from: { lte: now }, until: { gt: now } },
    select: { id: true, appRef: true },
  });
  const silenceOf = new Map(silences.map((s) => [s.appRef, s.id]));
  for (const f of pending) {
    const covered = cover && f.appRef && (downApps.has(f.appRef) || DOWN_DETECTORS.includes(f.detector as FindingDetector));
    const silenceId = f.appRef ? silenceOf.get(f.appRef) : undefined;
    await db().$transaction(async (tx) => {
      const state = f.status !== "open" ? "quiet" : covered ? "covered" : silenceId ? "silenced" : "paged";
      const { count } = await tx.finding.updateMany({
        where: { id: f.id, pageState: "pending" },
        data: { pageState: state, coveredById: state === "covered" ? (cover?.id ?? null) : null, silenceId: state === "silenced" ? (silenceId ?? null) : null },
      });
      if (count !== 1) return;
      report[state] += 1;
      if (state !== "paged") return;
      const o = f.app?.ownership;
      await queueFor(tx, { findingId: f.id, event: "opened" }, [responderOf(o?.owner ?? null, o?.backup ?? null, now)], smtp, now);
    });
  }

  // step 3: a source that is back resolves source_down; what is still down then pages as usual
  if (cover && report.sourceDown === "open") {
    const stillDown = await db().finding.findMany({ where: { coveredById: cover.id, status: "open" }, select: { appRef: true }, distinct: ["appRef"] });
    if (sourceRecovered(stillDown.length, appsWithTraffic, e.SOURCE_DOWN_PERCENT)) {
      await db().$transaction(async (tx) => {
        const { count } = await tx.finding.updateMany({ where: { id: cover.id, status: "open" }, data: { status: "resolved", openKey: null, resolvedAt: now } });
        if (count !== 1) return;
        await queueResolved(tx, cover.id, now);
        await tx.finding.updateMany({ where: { coveredById: cover.id, status: "open", pageState: "covered" }, data: { pageState: "pending" } });
      });
      report.sourceDown = "resolved";
    }
  }
  return report;
}

async function openSourceDown(downApps: number, appsWithTraffic: number, atMs: number, now: Date, smtp: boolean) {
  try {
    return await db().$transaction(async (tx: Tx) => {
      const total = Math.max(appsWithTraffic, downApps);
      const row = await tx.finding.create({
        data: {
          appRef: null, detector: "source_down", severity: "critical", status: "open", openKey: SOURCE_DOWN_KEY, pageState: "paged",
          startedAt: new Date(atMs), observed: downApps, expected: total, deviation: downApps / total,
          windowFrom: new Date(atMs), windowTo: now, explanation: sourceDownExplanation(downApps, appsWithTraffic, atMs), createdAt: now,
        },
        select: { id: true },
      });
      const admins = await tx.user.findMany({ where: { role: "admin" }, select: { id: true, notifyEmail: true, notifyWebhook: true } });
      await queueFor(tx, { findingId: row.id, event: "opened" }, admins, smtp, now);
      return row;
    });
  } catch (error) {
    // another pass opened it first: use theirs
    if (!isUniqueViolation(error)) throw error;
    return db().finding.findUnique({ where: { openKey: SOURCE_DOWN_KEY }, select: { id: true } });
  }
}
