"use client";

import { useRef, useState } from "react";
import type { CreatedApiToken } from "@/lib/client/types";

export function NewTokenNotice({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("copied");
    } catch {
      // Clipboard API needs a secure context; select the text so Ctrl+C works instead.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div className="new-token" role="region" aria-label="New token">
      <p className="new-token-warning">
        <strong>Copy this token now — it will not be shown again.</strong> Store it somewhere safe; if it is lost, revoke it
        and create a new one.
      </p>
      <div className="copy-row">
        <label htmlFor="new-token-value" className="visually-hidden">
          Token for {token.name}
        </label>
        <input id="new-token-value" ref={inputRef} readOnly value={token.token} className="mono" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Copy failed: the token is selected, press Ctrl+C." : ""}
      </p>
      <button type="button" className="button button-secondary" onClick={onDone}>
        I have saved it
      </button>
    </div>
  );
}
