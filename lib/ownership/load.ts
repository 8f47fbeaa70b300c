import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db/types";
import { appInclude, type AppRow } from "./views";

export async function loadApp(tx: Pick<Tx, "app">, appId: string): Promise<AppRow> {
  const row = await tx.app.findUnique({ where: { appId }, include: appInclude });
  if (!row) throw notFound(`App ${appId}`);
  return row;
}

// The database id of an app, or 404: for reads that only need to scope rows to the app.
export async function appRefOf(appId: string): Promise<string> {
  const row = await db().app.findUnique({ where: { appId }, select: { id: true } });
  if (!row) throw notFound(`App ${appId}`);
  return row.id;
}

export const ownershipSnapshot = (row: AppRow) => ({
  owner: row.ownership?.owner.email ?? null,
  backup: row.ownership?.backup?.email ?? null,
});
