import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { SMTP_TEST_PORT } from "../database-url";

export type Mail = { to: string[]; raw: string };

// A real SMTP server on loopback that keeps what it receives.
export async function startSmtp(): Promise<{ mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SMTP_TEST_PORT, "127.0.0.1", () => resolve());
  });
  return { mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// A webhook receiver on loopback; `failFirst` answers 500 to that many requests first.
export async function startWebhook(failFirst = 0) {
  const received: unknown[] = [];
  let failures = failFirst;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end("try later");
        return;
      }
      received.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
