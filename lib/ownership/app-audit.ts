import "server-only";
import { db } from "@/lib/db/client";
import { appRefOf } from "./load";
import { toPerson } from "./views";

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export async function appAudit(appId: string, limit = 200) {
  const appRef = await appRefOf(appId);
  const rows = await db().auditEvent.findMany({
    where: { appRef: appRef },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: { select: { email: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: toPerson(r.actor),
    before: parse(r.before),
    after: parse(r.after),
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  }));
}
