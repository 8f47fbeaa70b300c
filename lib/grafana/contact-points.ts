import { contactPointName } from "./names";
import type { EmbeddedContactPoint, PersonContact } from "./types";
import { contactPointUid } from "./uids";

/**
 * One contact point per person, from their profile. The uid is derived from the email, so
 * re-running is an update, never a duplicate; the name is what policy routes refer to.
 */
export function buildContactPoint(person: PersonContact): EmbeddedContactPoint {
  const base = { uid: contactPointUid(person.email), name: contactPointName(person.email), disableResolveMessage: false };
  const ch = person.channel;
  if (ch.kind === "email") {
    return { ...base, type: "email", settings: { addresses: ch.address, singleEmail: false } };
  }
  const settings: Record<string, unknown> = { url: ch.url, httpMethod: "POST" };
  if (ch.bearerToken) {
    settings.authorization_scheme = "Bearer";
    settings.authorization_credentials = ch.bearerToken;
  }
  return { ...base, type: "webhook", settings };
}
