// Pure: what a person reads when a finding opens or resolves (Slack-compatible JSON + email).
export type NotifyEvent = "opened" | "resolved";

export type MessageInput = {
  event: NotifyEvent;
  appId: string;
  appName: string;
  detector: string;
  severity: string;
  explanation: string;
  startedAt: Date;
  resolvedAt: Date | null;
  portalUrl: string;
};

export type Message = { subject: string; text: string; slack: { text: string; blocks: unknown[] } };

export function buildMessage(m: MessageInput): Message {
  const link = `${m.portalUrl.replace(/\/$/, "")}/apps/${encodeURIComponent(m.appId)}`;
  const subject =
    m.event === "opened"
      ? `[${m.severity.toUpperCase()}] ${m.appName}: ${m.detector} finding`
      : `[RESOLVED] ${m.appName}: ${m.detector} finding`;
  const when =
    m.event === "opened"
      ? `Started ${m.startedAt.toISOString()}.`
      : `Started ${m.startedAt.toISOString()}, resolved ${(m.resolvedAt ?? new Date()).toISOString()}.`;
  const text = `${subject}\n\n${m.explanation}\n${when}\n\nOpen the app: ${link}\n\nYou get this because you answer for ${m.appId} right now (owner, or backup while the owner is away).`;
  return {
    subject,
    text,
    slack: {
      text: `${subject} — ${m.explanation}`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*${subject}*\n${m.explanation}` } },
        { type: "context", elements: [{ type: "mrkdwn", text: `${when} <${link}|Open ${m.appId} in the portal>` }] },
      ],
    },
  };
}
