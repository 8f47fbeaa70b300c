import "server-only";
import nodemailer from "nodemailer";
import { postJson } from "@/lib/net/outbound";
import { webhookAllowList } from "@/lib/net/webhook-policy";
import type { Digest } from "./message";

export type Channel = "webhook" | "email";

export type Transport = {
  smtpUrl?: string;
  from: string;
  timeoutMs: number;
};

// The address is checked again here, on the address actually connected to (lib/net/outbound:
// DNS rebinding), redirects are not followed, and a failure is an OutboundError whose
// publicReason() is all a user gets to read.
// `idempotencyKey` is the same when the same rows are sent again: delivery is at-least-once
// (see deliver.ts), and a receiver drops repeats by this key (header and body).
export async function sendWebhook(url: string, body: Digest["json"], idempotencyKey: string, timeoutMs: number): Promise<void> {
  await postJson(url, { ...body, idempotency_key: idempotencyKey }, {
    timeoutMs,
    allow: webhookAllowList(),
    headers: { "idempotency-key": idempotencyKey },
  });
}

const transporters = new Map<string, nodemailer.Transporter>();

export async function sendEmail(to: string, message: Pick<Digest, "subject" | "text">, idempotencyKey: string, t: Transport): Promise<void> {
  if (!t.smtpUrl) throw new Error("SMTP_URL is not set");
  let transporter = transporters.get(t.smtpUrl);
  if (!transporter) {
    transporter = nodemailer.createTransport(t.smtpUrl, {
      connectionTimeout: t.timeoutMs,
      greetingTimeout: t.timeoutMs,
      socketTimeout: t.timeoutMs,
    });
    transporters.set(t.smtpUrl, transporter);
  }
  const domain = t.from.split("@")[1] ?? "portal.invalid";
  await transporter.sendMail({ from: t.from, to, subject: message.subject, text: message.text, messageId: `<${idempotencyKey}@${domain}>` });
}
