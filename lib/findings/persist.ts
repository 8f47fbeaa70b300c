import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { reconcileFindings, type DetectionResult, type FindingDetectorName, type Finding } from "@/lib/detection";
import { queueResolved } from "@/lib/notify/queue";
import type { DetectionApp } from "./load-apps";
import { PAGING_SEVERITIES, isSeverity } from "@/lib/domain/enums";
import { writeState, type StateUpdate } from "./detector-state";

export type PersistOutcome = { opened: Finding[]; resolved: number; notifications: number; revision: number | null; slipped: boolean };

type Open = DetectionApp["findings"][number] & { detector: FindingDetectorName };

// Applies one evaluation: opens new findings, resolves the ones that stopped, refreshes the
// still-open ones and the app's signal — all in one transaction. New findings that need a person
// wait as pageState "pending" for lib/notify (pageNewFindings) to decide who hears; whoever heard
// of a finding hears that it resolved.
// With `state`, the app's detector state is written first in the same transaction, conditional on
// the revision it was read at (lib/findings/detector-state.ts): if another tick wrote it since,
// nothing of this evaluation is kept (StateConflict).
export async function persistEvaluation(app: DetectionApp, result: DetectionResult, now: Date, state: StateUpdate | null = null): Promise<PersistOutcome> {
  // stored detector names are the FindingDetectorName strings this code wrote
  const open = app.findings.map((f) => ({ ...f, detector: f.detector as FindingDetectorName }));
  const plan = reconcileFindings<Open>(open, result.findings);
  let notifications = 0;
  let written: { revision: number; slipped: boolean } | null = null;
  await db().$transaction(async (tx) => {
    if (state) written = await writeState(tx, app.id, state, now);
    for (const f of plan.toOpen) {
      const row = await tx.finding.create({
        data: {
          appRef: app.id, detector: f.detector, severity: f.severity, status: "open", openKey: `${app.id}:${f.detector}`,
          startedAt: new Date(f.startedAt), observed: finite(f.observed), expected: finite(f.expected),
          bandLow: f.band ? finite(f.band[0]) : null, bandHigh: f.band ? finite(f.band[1]) : null, deviation: finite(f.deviation),
          windowFrom: new Date(f.window.from), windowTo: new Date(f.window.to), explanation: f.explanation,
          pageState: isSeverity(f.severity) && PAGING_SEVERITIES.has(f.severity) ? "pending" : "quiet", createdAt: now,
        },
      });
      if (row.pageState === "pending") notifications += 1;
    }
    for (const p of plan.toResolve) {
      const { count } = await tx.finding.updateMany({ where: { id: p.id, status: "open" }, data: { status: "resolved", openKey: null, resolvedAt: now } });
      if (count === 1) notifications += await queueResolved(tx, p.id, now);
    }
    for (const { previous, current } of plan.stillOpen) {
      await tx.finding.update({ where: { id: previous.id }, data: { observed: finite(current.observed), windowTo: new Date(current.window.to) } });
    }
    const signal = {
      anomalyScore: finite(result.anomalyScore), trendPerDay: result.trendPerDay, expected: finite(result.expected),
      observed: finite(result.observed), evaluatedAt: new Date(result.evaluatedAt),
      predLow: finiteOrNull(result.prediction.low), predHigh: finiteOrNull(result.prediction.high),
      outsideShare: result.prediction.outsideShare, calibrationSamples: result.prediction.samples,
    };
    await tx.appSignal.upsert({ where: { appRef: app.id }, create: { appRef: app.id, ...signal }, update: signal });
  });
  const w = written as { revision: number; slipped: boolean } | null;
  return { opened: plan.toOpen, resolved: plan.toResolve.length, notifications, revision: w?.revision ?? null, slipped: w?.slipped ?? false };
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);
