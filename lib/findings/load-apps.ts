import "server-only";
import { db } from "@/lib/db/client";
import type { Finding, Prisma, ThresholdVersion } from "@/lib/db/generated/sqlite/client";
import { placeholders } from "@/lib/db/sql";
import type { DetectionSettings, Thresholds } from "@/lib/detection";
import { env } from "@/lib/env";
import { contactSelect } from "@/lib/ownership/views";
import { detectionThresholds, settingsOf } from "@/lib/thresholds/view";

const person = { select: contactSelect } as const;

// What a detection pass knows about an app: the shape of this Prisma select (ownership with its
// contacts, the newest thresholds row, the open findings), read with flat queries below.
const detectionSelect = {
  id: true, appId: true, name: true,
  ownership: { select: { owner: person, backup: person } },
  thresholds: true,
  findings: true,
} as const;

export type DetectionApp = Prisma.AppGetPayload<{ select: typeof detectionSelect }> & { thresholdsForDetection: Thresholds | null };

type Contact = NonNullable<DetectionApp["ownership"]>["owner"];
const CONTACT = Object.keys(contactSelect) as (keyof Contact)[];

// Three flat statements for the whole fleet (or one app), the same text on both databases: the
// apps with their ownership's two contacts (left joins), the newest thresholds row per app (no
// newer version of the same app: the (appRef, version) index), the open findings. Through Prisma's
// nested select this took ~6 queries per page of 400 apps, ~0.5 s of a 10,000-app tick on
// PostgreSQL (docs/detection.md, "On PostgreSQL"). Raw results keep the columns' types (Date,
// boolean) on both databases, as Prisma's own reads do.
export async function loadAppsForDetection(appId?: string): Promise<DetectionApp[]> {
  const [p] = placeholders(1);
  const params = appId === undefined ? [] : [appId];
  const contact = (alias: string) => CONTACT.map((c) => `${alias}."${c}" AS "${alias}.${c}"`).join(", ");
  const one = (ref: string) => (appId === undefined ? "" : `AND ${ref} = (SELECT "id" FROM "App" WHERE "appId" = ${p})`);
  const [apps, thresholds, findings] = await Promise.all([
    db().$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT a."id", a."appId", a."name", o."appRef" AS "ownershipOf", ${contact("ow")}, ${contact("bk")}
       FROM "App" a
       LEFT JOIN "Ownership" o ON o."appRef" = a."id"
       LEFT JOIN "User" ow ON ow."id" = o."ownerId"
       LEFT JOIN "User" bk ON bk."id" = o."backupId"
       ${appId === undefined ? "" : `WHERE a."appId" = ${p}`}
       ORDER BY a."appId"`,
      ...params,
    ),
    db().$queryRawUnsafe<ThresholdVersion[]>(
      `SELECT t.* FROM "ThresholdVersion" t
       WHERE NOT EXISTS (SELECT 1 FROM "ThresholdVersion" n WHERE n."appRef" = t."appRef" AND n."version" > t."version") ${one(`t."appRef"`)}`,
      ...params,
    ),
    db().$queryRawUnsafe<Finding[]>(
      `SELECT f.* FROM "Finding" f WHERE f."status" = 'open' AND f."appRef" IS NOT NULL ${one(`f."appRef"`)} ORDER BY f."appRef", f."id"`,
      ...params,
    ),
  ]);
  const newest = new Map(thresholds.map((t) => [t.appRef, t]));
  const open = new Map<string, Finding[]>();
  for (const f of findings) {
    const ref = f.appRef as string;
    const list = open.get(ref);
    if (list) list.push(f);
    else open.set(ref, [f]);
  }
  const contactOf = (r: Record<string, unknown>, alias: string): Contact | null => {
    if (r[`${alias}.id`] == null) return null;
    return Object.fromEntries(CONTACT.map((c) => [c, r[`${alias}.${c}`]])) as Contact;
  };
  return apps.map((r) => {
    const id = r.id as string;
    const t = newest.get(id);
    const owner = contactOf(r, "ow");
    return {
      id, appId: r.appId as string, name: r.name as string,
      ownership: r.ownershipOf != null && owner ? { owner, backup: contactOf(r, "bk") } : null,
      thresholds: t ? [t] : [],
      findings: open.get(id) ?? [],
      thresholdsForDetection: t ? detectionThresholds(settingsOf(t)) : null,
    };
  });
}

const ANOMALY_HOLD_MS = 3_600_000;

/** The settings an app is evaluated with (a detection pass, and the start-up restore of its state). */
export function detectionSettings(app: Pick<DetectionApp, "appId" | "thresholdsForDetection">): DetectionSettings {
  // The anomaly score fires once and is then muted; looking back an hour (at least one
  // interval) means a hit is seen by the passes of the next hour, so its finding stays open
  // that long instead of flickering for one pass, or being missed between two passes.
  const evaluationIntervalMs = Math.max(ANOMALY_HOLD_MS, env().DETECTION_INTERVAL_SECONDS * 1000);
  return { appName: app.appId, thresholds: app.thresholdsForDetection, evaluationIntervalMs };
}
