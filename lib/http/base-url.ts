// The one rule for the portal's address in links that people and other systems follow
// (notification and ack links, Grafana annotations, the Prometheus rules file):
//   PORTAL_URL when set; else the origin the current request came to, when there is one;
//   else http://HOST:PORT — which only this machine can reach, so `npm start` warns about it.
// Grafana sync requires PORTAL_URL outright (lib/grafana/config): its rules are read far from any
// request. Pure: callers pass the settings they read (lib/env).

export type BaseUrlSettings = { PORTAL_URL?: string | undefined; HOST: string; PORT: number | string };

export function portalBaseUrl(settings: BaseUrlSettings, requestOrigin?: string): string {
  const url = settings.PORTAL_URL || requestOrigin || `http://${settings.HOST}:${settings.PORT}`;
  return url.replace(/\/+$/, "");
}

/** Why links would not reach people, or null when PORTAL_URL says where the portal is. */
export function baseUrlWarning(settings: BaseUrlSettings): string | null {
  if (settings.PORTAL_URL) return null;
  return `PORTAL_URL is not set: links in notifications and acknowledgement links will point at ${portalBaseUrl(settings)}, which only this machine can reach. Set PORTAL_URL to the address people open the portal at.`;
}
