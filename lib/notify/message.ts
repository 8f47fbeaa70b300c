// Pure: the one message a person receives per delivery — every new finding they are paged for
// (a crash and a threshold breach of one app at one time are one incident), escalations,
// findings that resolved, and change notices — as email text and as webhook JSON.

export type NotifyEvent = "opened" | "resolved" | "escalated" | "changed" | "reminder";

export type FindingItem = {
  kind: "finding";
  event: Exclude<NotifyEvent, "changed" | "reminder">;
  /** Escalation step (1, 2, …) for "escalated". */
  step: number;
  findingId: string;
  /** null for fleet-wide findings (source_down). */
  appId: string | null;
  appName: string | null;
  detector: string;
  severity: string;
  explanation: string;
  startedAt: Date;
  resolvedAt: Date | null;
  /** Why this person hears about it at this step ("backup", "lead", "admins"). */
  reason: string | null;
};

export type NoticeItem = { kind: "notice"; appId: string; appName: string; actor: string; what: string; why: string | null };

/** A stewardship reminder (lib/ownership/stewardship-jobs.ts): apps due for "still yours?", or a team's stale apps for its lead. */
export type ReminderItem = { kind: "reminder"; reminder: "confirm" | "stale"; apps: { appId: string; appName: string; reasons: string[] }[] };

export type DigestItem = FindingItem | NoticeItem | ReminderItem;

export type Incident = {
  appId: string | null;
  appName: string;
  severity: string;
  detectors: string[];
  findingIds: string[];
  startedAt: string;
  escalation: { step: number; reason: string | null } | null;
  explanations: string[];
  ackUrl: string | null;
  appUrl: string;
};

export type Digest = {
  subject: string;
  text: string;
  /** What a webhook receives: Slack-compatible text/blocks plus the structured content. */
  json: {
    text: string;
    blocks: unknown[];
    portal: {
      idempotencyKey: string;
      recipient: string;
      incidents: Incident[];
      resolved: { appId: string | null; detector: string; findingId: string; resolvedAt: string }[];
      notices: { appId: string; actor: string; what: string; why: string | null; appUrl: string }[];
      reminders: { kind: "confirm" | "stale"; apps: { appId: string; appName: string; reasons: string[]; appUrl: string }[] }[];
    };
  };
};

export type DigestInput = {
  recipient: string;
  items: DigestItem[];
  portalUrl: string;
  idempotencyKey: string;
  /** Signed link acknowledging these findings as the recipient; null when there is no person. */
  ackUrl: (findingIds: string[]) => string | null;
};

const SEVERITY_RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };
const rank = (s: string) => SEVERITY_RANK[s] ?? 3;
// Findings of one app that started this close together are one incident (one outage seen by two detectors).
export const INCIDENT_WINDOW_MS = 30 * 60_000;

const DETECTOR_WORDS: Record<string, string> = {
  crash: "crash", threshold: "threshold breach", trend: "trend", anomaly: "anomaly", no_data: "no data", source_down: "traffic source down",
};
const word = (d: string) => DETECTOR_WORDS[d] ?? d;

/** Groups paged findings into incidents: same app, starts within INCIDENT_WINDOW_MS. */
export function toIncidents(items: FindingItem[], appUrl: (appId: string | null) => string, ackUrl: DigestInput["ackUrl"]): Incident[] {
  const sorted = [...items].sort((a, b) => (a.appId ?? "").localeCompare(b.appId ?? "") || a.startedAt.getTime() - b.startedAt.getTime());
  const groups: FindingItem[][] = [];
  for (const it of sorted) {
    const g = groups.at(-1);
    const head = g?.[0];
    if (g && head && head.appId === it.appId && it.startedAt.getTime() - head.startedAt.getTime() <= INCIDENT_WINDOW_MS) {
      if (!g.some((x) => x.findingId === it.findingId)) g.push(it);
    } else groups.push([it]);
  }
  return groups
    .map((g) => {
      const head = g[0] as FindingItem;
      const severity = g.map((x) => x.severity).sort((a, b) => rank(a) - rank(b))[0] ?? head.severity;
      const esc = g.find((x) => x.event === "escalated");
      const ids = g.map((x) => x.findingId);
      return {
        appId: head.appId,
        appName: head.appName ?? "Traffic source",
        severity,
        detectors: g.map((x) => x.detector),
        findingIds: ids,
        startedAt: head.startedAt.toISOString(),
        escalation: esc ? { step: esc.step, reason: esc.reason } : null,
        explanations: g.map((x) => x.explanation),
        ackUrl: ackUrl(ids),
        appUrl: appUrl(head.appId),
      };
    })
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.appName.localeCompare(b.appName));
}

function subjectOf(incidents: Incident[], resolved: number, notices: NoticeItem[], reminders: ReminderItem[] = []): string {
  const first = incidents[0];
  if (first && incidents.length === 1) {
    const esc = first.escalation ? " (escalated, not acknowledged)" : "";
    return `[${first.severity.toUpperCase()}] ${first.appName}: ${first.detectors.map(word).join(" + ")}${esc}`;
  }
  if (first) {
    const more = resolved > 0 ? `, ${resolved} resolved` : "";
    return `[${first.severity.toUpperCase()}] ${incidents.length} incidents${more}: ${incidents.map((i) => i.appId ?? "fleet").slice(0, 4).join(", ")}${incidents.length > 4 ? ", …" : ""}`;
  }
  if (resolved > 0) return `[RESOLVED] ${resolved} finding${resolved === 1 ? "" : "s"} resolved`;
  const n = notices[0];
  if (notices.length === 0 && reminders.length > 0) {
    const confirm = reminders.filter((r) => r.reminder === "confirm").reduce((k, r) => k + r.apps.length, 0);
    const stale = reminders.filter((r) => r.reminder === "stale").reduce((k, r) => k + r.apps.length, 0);
    if (confirm > 0) return `[STEWARDSHIP] Still yours? ${confirm} app${confirm === 1 ? "" : "s"} due for confirmation${stale > 0 ? `, ${stale} stale in your team` : ""}`;
    return `[STEWARDSHIP] ${stale} stale app${stale === 1 ? "" : "s"} in your team`;
  }
  if (n && notices.length === 1) return `[NOTICE] ${n.appName}: ${n.actor} ${n.what}`;
  return `[NOTICE] ${notices.length} changes to your apps`;
}

export function buildDigest(input: DigestInput): Digest {
  const base = input.portalUrl.replace(/\/$/, "");
  const appUrl = (appId: string | null) => (appId ? `${base}/apps/${encodeURIComponent(appId)}` : `${base}/apps`);
  const paged = input.items.filter((i): i is FindingItem => i.kind === "finding" && i.event !== "resolved");
  const resolved = input.items.filter((i): i is FindingItem => i.kind === "finding" && i.event === "resolved");
  const notices = input.items.filter((i): i is NoticeItem => i.kind === "notice");
  const reminders = input.items.filter((i): i is ReminderItem => i.kind === "reminder");
  const incidents = toIncidents(paged, appUrl, input.ackUrl);
  const subject = subjectOf(incidents, resolved.length, notices, reminders);

  const lines: string[] = [];
  incidents.forEach((inc, k) => {
    lines.push(`${k + 1}. [${inc.severity.toUpperCase()}] ${inc.appName}${inc.appId ? ` (${inc.appId})` : ""} — ${inc.detectors.map(word).join(" + ")} since ${inc.startedAt}`);
    if (inc.escalation) lines.push(`   Escalated (step ${inc.escalation.step}, you are ${inc.escalation.reason ?? "on the policy"}): nobody has acknowledged it yet.`);
    for (const e of inc.explanations) lines.push(`   ${e}`);
    if (inc.ackUrl) lines.push(`   Acknowledge: ${inc.ackUrl}`);
    lines.push(`   Open: ${inc.appUrl}`, "");
  });
  if (resolved.length > 0) {
    lines.push("Resolved:");
    for (const r of resolved) lines.push(`- ${r.appName ?? "Traffic source"}: ${word(r.detector)} (started ${r.startedAt.toISOString()}, resolved ${(r.resolvedAt ?? r.startedAt).toISOString()})`);
    lines.push("");
  }
  if (notices.length > 0) {
    lines.push("Changes by others to apps you answer for:");
    for (const n of notices) lines.push(`- ${n.appName} (${n.appId}): ${n.actor} ${n.what}${n.why ? ` — "${n.why}"` : ""}. ${appUrl(n.appId)}`);
    lines.push("");
  }
  for (const r of reminders) {
    lines.push(r.reminder === "confirm" ? "Still yours? Confirm with “Still mine” on each app's page (or POST /api/apps/{appId}/confirm):" : "Stale apps in your team:");
    for (const a of r.apps) {
      lines.push(`- ${a.appName} (${a.appId}): ${appUrl(a.appId)}`);
      for (const why of a.reasons) lines.push(`    ${why}`);
    }
    lines.push("");
  }
  lines.push("You get this because you answer for these apps (owner, backup, or the next step of your team's escalation policy).");
  const text = `${subject}\n\n${lines.join("\n")}`;

  const blocks: unknown[] = [{ type: "header", text: { type: "plain_text", text: subject } }];
  for (const inc of incidents) {
    const links = [inc.ackUrl ? `<${inc.ackUrl}|Acknowledge>` : null, `<${inc.appUrl}|Open ${inc.appId ?? "the portal"}>`].filter(Boolean).join(" · ");
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*[${inc.severity.toUpperCase()}] ${inc.appName}* — ${inc.detectors.map(word).join(" + ")}\n${inc.explanations.join("\n")}\n${links}` },
    });
  }
  if (resolved.length > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Resolved: ${resolved.map((r) => `${r.appId ?? "fleet"} ${word(r.detector)}`).join(", ")}` }] });
  for (const n of notices) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `${n.appName}: ${n.actor} ${n.what}${n.why ? ` — "${n.why}"` : ""}` }] });
  for (const r of reminders) {
    const head = r.reminder === "confirm" ? "*Still yours?*" : "*Stale apps in your team*";
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `${head}\n${r.apps.map((a) => `<${appUrl(a.appId)}|${a.appName}>: ${a.reasons.join(" ")}`).join("\n")}` } });
  }

  return {
    subject,
    text,
    json: {
      text: subject,
      blocks,
      portal: {
        idempotencyKey: input.idempotencyKey,
        recipient: input.recipient,
        incidents,
        resolved: resolved.map((r) => ({ appId: r.appId, detector: r.detector, findingId: r.findingId, resolvedAt: (r.resolvedAt ?? r.startedAt).toISOString() })),
        notices: notices.map((n) => ({ appId: n.appId, actor: n.actor, what: n.what, why: n.why, appUrl: appUrl(n.appId) })),
        reminders: reminders.map((r) => ({ kind: r.reminder, apps: r.apps.map((a) => ({ ...a, appUrl: appUrl(a.appId) })) })),
      },
    },
  };
}
