import type { Tx } from "@/lib/db/types";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit, type AuditAction } from "./audit";

export type NewApp = { appId: string; name: string; teamId: string; description?: string };

/** What can be searched for in the app lists (lib/ownership/list-apps): id and name, lower case. */
export const searchTextOf = (app: { appId: string; name: string }): string => `${app.appId} ${app.name}`.toLowerCase();

/**
 * The one way an app row comes to be (registered by a lead, discovered in Prometheus, seeded,
 * imported): the row, its audit event and its Grafana sync task, in the caller's transaction.
 * A duplicate appId fails on the unique constraint; callers turn that into their answer.
 */
export async function createApp(
  tx: Tx,
  app: NewApp,
  event: { actorId: string | null; action: Extract<AuditAction, "app.registered" | "app.discovered" | "app.imported" | "app.seeded">; after?: unknown; at?: Date },
) {
  const row = await tx.app.create({
    data: { appId: app.appId, name: app.name, description: app.description ?? "", teamId: app.teamId, searchText: searchTextOf(app) },
  });
  await audit(tx, { appRef: row.id, actorId: event.actorId, action: event.action, after: event.after ?? { appId: app.appId, name: app.name }, at: event.at });
  await enqueue(tx, "grafana.app", [app.appId]);
  return row;
}
