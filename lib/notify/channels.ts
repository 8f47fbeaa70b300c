import "server-only";
import nodemailer from "nodemailer";
import { postJson } from "@/lib/net/outbound";
import { webhookAllowList } from "@/lib/net/webhook-policy";
import type { Message } from "./message";

export type Channel = "webhook" | "email";

export type Transport = {
  smtpUrl?: string;
  from: string;
  timeoutMs: number;
};

// The address is checked again here, on the address actually connected to (lib/net/outbound:
// DNS rebinding), redirects are not followed, and a failure is an OutboundError whose
// publicReason() is all a user gets to read.
// `idempotencyKey` is the same for every attempt of one (finding, event): delivery is
// at-least-once (see deliver.ts), and a receiver drops repeats by this key.
export async function sendWebhook(url: string, message: Message, timeoutMs: number, idempotencyKey: string): Promise<void> {
  await postJson(url, { ...message.slack, idempotency_key: idempotencyKey }, {
    timeoutMs,
    allow: webhookAllowList(),
    headers: { "idempotency-key": idempotencyKey },
  });
}

const transporters = new Map<string, nodemailer.Transporter>();

export async function sendEmail(to: string, message: Message, t: Transport): Promise<void> {
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
  await transporter.sendMail({ from: t.from, to, subject: message.subject, text: message.text });
}
