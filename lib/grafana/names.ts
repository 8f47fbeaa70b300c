// Names the portal gives Grafana objects. Labels and group titles are part of the contract
// with whoever reads alerts, so they live in one place.

/** Label on every rule and matcher on every route the portal owns. */
export const MANAGED_BY_LABEL = "managed_by";
export const MANAGED_BY_VALUE = "ownership-portal";
/** Label value used when an app has no owner or no reachable responder. */
export const NOBODY = "none";

/** One rule group per team, inside the team's folder. */
export const RULE_GROUP_TITLE = "ownership-portal";

export const folderTitle = (team: string): string => `${team} (ownership portal)`;

/** Receiver name of a person's contact point; policies route to it by this name. */
export const contactPointName = (email: string): string => `portal-responder-${email.trim().toLowerCase()}`;

export const appPageUrl = (portalUrl: string, appId: string): string =>
  `${portalUrl}/apps/${encodeURIComponent(appId)}`;
