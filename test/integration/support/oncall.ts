import { db } from "@/lib/db/client";
import { generateTraffic } from "@/lib/detection";
import { writeSamples } from "@/lib/traffic/write";
import type { Mail } from "./listeners";
import { makeApp, makeTeam, makeUser, type TestUser } from "./world";

export const STEP = 5 * 60_000;

// `days` of seasonal 5-minute traffic ending at `end`; the last `crashLast` samples are zero;
// `stopLast` samples at the end never arrive (the sender stopped).
export async function seedTraffic(appRef: string, end: number, opts: { days?: number; crashLast?: number; stopLast?: number; seed?: number } = {}) {
  const days = opts.days ?? 10;
  const n = (days * 86_400_000) / STEP;
  const crashLast = opts.crashLast ?? 0;
  const s = generateTraffic({
    seed: opts.seed ?? 7, days, stepMs: STEP, start: end - (n - 1) * STEP, baseRps: 200,
    ...(crashLast ? { crash: { atSample: n - crashLast, samples: crashLast } } : {}),
  });
  const keep = n - (opts.stopLast ?? 0);
  // written as of `end`: the last days are raw samples, older ones rollups, as the portal keeps them
  await writeSamples(Array.from(s.values.subarray(0, keep), (value, i) => ({ appRef, ts: s.start + i * STEP, value })), end);
}

export async function withContacts(user: TestUser, webhook: string | null, email = true) {
  await db().user.update({ where: { id: user.id }, data: { notifyWebhook: webhook, notifyEmail: email ? user.email : null } });
  return user;
}

// A team with an owner, a backup and a lead, each with their own webhook receiver URL.
export async function oncallTeam(hooks: { owner: string; backup: string; lead: string }) {
  const team = await makeTeam();
  const owner = await withContacts(await makeUser({ teamId: team.id, name: "owner" }), hooks.owner);
  const backup = await withContacts(await makeUser({ teamId: team.id, name: "backup" }), hooks.backup);
  const lead = await withContacts(await makeUser({ role: "lead", teamId: team.id, name: "lead" }), hooks.lead);
  const app = await makeApp(team.id, owner.id, backup.id);
  return { team, owner, backup, lead, app };
}

export async function floorThreshold(appRef: string, floorRps = 1) {
  await db().thresholdVersion.create({
    data: { appRef, version: 1, floorRps, forDuration: "5m", severity: "critical", enabled: true, reason: "test floor" },
  });
}

export const mailsTo = (mails: Mail[], email: string) => mails.filter((m) => m.to.includes(email));

// The decoded text body of a raw email (quoted-printable soft breaks undone).
export function mailText(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join("\n\n").replace(/=\r?\n/g, "");
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === "=" ? body.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i] ?? "", "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

export const ackTokenFrom = (url: string) => url.split("/ack/")[1] ?? "";
