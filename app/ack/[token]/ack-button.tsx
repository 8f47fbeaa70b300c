"use client";

import { useState } from "react";
import { apiFetch, errorMessage } from "@/lib/client/api";

type Ack = { acknowledgedBy: { name: string }; acknowledgedAt: string };

export function AckButton({ token, already }: { token: string; already: boolean }) {
  const [state, setState] = useState<{ done: Ack[] } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      const r = await apiFetch<{ items: Ack[] }>(`/api/ack/${encodeURIComponent(token)}`, { method: "POST" });
      setState({ done: r.items });
    } catch (error) {
      setState({ error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  if (state && "done" in state) {
    const first = state.done[0];
    return (
      <p role="status">
        Acknowledged{first ? ` by ${first.acknowledgedBy.name} at ${first.acknowledgedAt.replace("T", " ").slice(0, 19)} UTC` : ""}. Escalation has stopped.
      </p>
    );
  }
  return (
    <div>
      {already ? <p>Already acknowledged; pressing the button shows by whom.</p> : null}
      <button type="button" className="button" onClick={() => void click()} disabled={busy}>
        Acknowledge
      </button>
      {state && "error" in state ? <p role="alert">{state.error}</p> : null}
    </div>
  );
}
