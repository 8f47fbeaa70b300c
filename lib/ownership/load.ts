import "server-only";
import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db/types";
import { appInclude, type AppRow } from "./views";

export async function loadApp(tx: Pick<Tx, "app">, appId: string): Promise<AppRow> {
  const row = await tx.app.findUnique({ where: { appId }, include: appInclude });
  if (!row) throw notFound(`App ${appId}`);
  return row;
}

export const ownershipSnapshot = (row: AppRow) => ({
  owner: row.ownership?.owner.email ?? null,
  backup: row.ownership?.backup?.email ?? null,
});
