import "server-only";
import nodemailer from "nodemailer";
import type { Message } from "./message";

export type Channel = "webhook" | "email";

export type Transport = {
  smtpUrl?: string;
  from: string;
  timeoutMs: number;
};

export async function sendWebhook(url: string, message: Message, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message.slack),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
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
