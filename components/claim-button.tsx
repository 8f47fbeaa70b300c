"use client";

import { useCurrentUser } from "@/components/current-user";
import { useClaimApp } from "@/lib/client/use-claim-app";
import { useMe } from "@/lib/client/use-me";

export function ClaimButton({ appId, className = "button button-small" }: { appId: string; className?: string }) {
  const user = useCurrentUser();
  const me = useMe();
  const claim = useClaimApp({ email: user.email, name: user.name, away: me.data?.away });
  return (
    <button
      type="button"
      className={className}
      aria-label={`Claim ${appId}`}
      disabled={claim.isPending}
      onClick={() => claim.mutate(appId)}
    >
      {claim.isPending ? "Claiming…" : "Claim"}
    </button>
  );
}
