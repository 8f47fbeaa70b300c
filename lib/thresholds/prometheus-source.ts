import "server-only";
import { db } from "@/lib/db/client";
import { pagedByAppId } from "@/lib/db/paged";
import { env } from "@/lib/env";
import { portalBaseUrl } from "@/lib/http/base-url";
import type { AppAlertInput } from "@/lib/grafana/types";
import { responderOf } from "@/lib/ownership/responder";
import { appInclude } from "@/lib/ownership/views";
import { buildPromRulesYaml } from "./prometheus-rules";
import { settingsOf } from "./view";

/** Every app whose current (highest) threshold version is enabled, with its owner and responder. */
export async function enabledAppAlerts(now = new Date()): Promise<AppAlertInput[]> {
  const apps = await pagedByAppId((page) =>
    db().app.findMany({
      where: { thresholds: { some: {} }, ...page.where },
      include: { ...appInclude, thresholds: { orderBy: { version: "desc" }, take: 1 } },
      orderBy: { appId: "asc" },
      take: page.take,
    }),
  );
  return apps.flatMap((app) => {
    const current = app.thresholds[0];
    if (!current?.enabled) return [];
    const owner = app.ownership?.owner ?? null;
    return [{
      appId: app.appId,
      team: app.team.slug,
      owner: owner?.email ?? null,
      responder: responderOf(owner, app.ownership?.backup ?? null, now)?.email ?? null,
      thresholds: settingsOf(current),
    }];
  });
}


export async function prometheusRulesFile(requestOrigin: string): Promise<string> {
  const portalUrl = portalBaseUrl(env(), requestOrigin);
  return buildPromRulesYaml(await enabledAppAlerts(), { queryTemplate: env().GRAFANA_QUERY_TEMPLATE, portalUrl });
}
