// Pure helpers for one evaluation of an app.


export type Contact = { notifyEmail: string | null; notifyWebhook: string | null };

export function channelsFor(contact: Contact | null, smtpConfigured: boolean): { channel: "email" | "webhook"; recipient: string }[] {
  if (!contact) return [];
  const out: { channel: "email" | "webhook"; recipient: string }[] = [];
  if (contact.notifyWebhook) out.push({ channel: "webhook", recipient: contact.notifyWebhook });
  if (contact.notifyEmail && smtpConfigured) out.push({ channel: "email", recipient: contact.notifyEmail });
  return out;
}
