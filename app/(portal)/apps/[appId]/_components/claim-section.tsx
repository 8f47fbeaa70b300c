"use client";

import { ClaimButton } from "@/components/claim-button";
import type { AppDetail } from "@/lib/client/types";

export function ClaimSection({ app }: { app: AppDetail }) {
  return (
    <section className="card" aria-labelledby="claim-heading">
      <h2 id="claim-heading">Nobody owns this app</h2>
      {app.permissions.canClaim ? (
        <>
          <p className="muted">Claim it to become the person who answers for it. You can name a backup afterwards.</p>
          <ClaimButton appId={app.appId} className="button" />
        </>
      ) : (
        <p className="muted">Someone in {app.teamName} (or its lead) can claim it.</p>
      )}
    </section>
  );
}
