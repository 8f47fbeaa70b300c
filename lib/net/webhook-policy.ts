import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseAllowList, type AllowList } from "./address-policy";
import { checkOutboundUrl } from "./outbound";

let cached: { source: string; list: AllowList } | undefined;

/** WEBHOOK_ALLOW_HOSTS, parsed once (env() already refused a bad value at start). */
export function webhookAllowList(): AllowList {
  const source = env().WEBHOOK_ALLOW_HOSTS;
  if (cached?.source !== source) cached = { source, list: parseAllowList(source) };
  return cached.list;
}

/** 422 naming `field` when a webhook URL points into the portal's own network. */
export async function assertWebhookAllowed(url: string, field = "notifyWebhook"): Promise<void> {
  const why = await checkOutboundUrl(url, webhookAllowList());
  if (why) throw new AppError("validation_failed", `${field} ${why}`, { [field]: why });
}
