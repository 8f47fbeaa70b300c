import type { Metadata } from "next";
import { AppError } from "@/lib/errors";
import { describeAckToken } from "@/lib/notify/ack-link";
import { AckButton } from "./ack-button";

export const metadata: Metadata = { title: "Acknowledge · Ownership portal", robots: { index: false } };
export const dynamic = "force-dynamic";

// The page an acknowledgement link opens. Opening it changes nothing (mail scanners open links
// too); the button acknowledges, as the person the link was sent to, without signing in.
export default async function AckPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let info: Awaited<ReturnType<typeof describeAckToken>>;
  try {
    info = await describeAckToken(token);
  } catch (error) {
    const message = error instanceof AppError ? error.message : "This link cannot be used";
    return (
      <main className="ack-page">
        <h1>Acknowledge</h1>
        <p role="alert">{message}</p>
        <a href="/apps/mine">Open the portal</a>
      </main>
    );
  }
  const open = info.findings.filter((f) => f.status === "open");
  const acked = open.length > 0 && open.every((f) => f.acknowledgedAt);
  return (
    <main className="ack-page">
      <h1>Acknowledge</h1>
      <p>
        As <strong>{info.user.name}</strong> ({info.user.email}). The link works until {info.expiresAt.replace("T", " ").slice(0, 16)} UTC.
      </p>
      <ul aria-label="Findings this link acknowledges">
        {info.findings.map((f) => (
          <li key={f.id}>
            <strong>{f.app ? `${f.app.name} (${f.app.appId})` : "Traffic source"}</strong> — {f.detector.replace("_", " ")}, {f.severity}, {f.status}
            {f.acknowledgedBy ? `, acknowledged by ${f.acknowledgedBy.name}` : ""}
            <br />
            <span className="muted">{f.explanation}</span>
          </li>
        ))}
      </ul>
      {open.length === 0 ? <p>Everything here is already resolved; nothing to acknowledge.</p> : <AckButton token={token} already={acked} />}
      <a href={info.findings[0]?.app ? `/apps/${encodeURIComponent(info.findings[0].app.appId)}` : "/apps/mine"}>Open in the portal</a>
    </main>
  );
}
