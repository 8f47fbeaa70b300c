"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { useCurrentUser } from "./current-user";
import { useToast } from "./toast";

export function UserMenu() {
  const user = useCurrentUser();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await apiFetch<void>("/api/auth/logout", { method: "POST" });
      queryClient.clear();
      router.replace("/login");
      router.refresh();
    } catch (error) {
      setSigningOut(false);
      toast.error(`Sign-out failed: ${errorMessage(error)}`);
    }
  }

  return (
    <details className="user-menu">
      <summary aria-label={`Account: ${user.name}`}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu-name">{user.name}</span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-menu-who">
          <strong>{user.name}</strong>
          <span className="muted">{user.email}</span>
          <span className="muted">
            {user.role}
            {user.team ? ` · ${user.team}` : ""}
          </span>
        </p>
        <button type="button" className="button button-secondary" onClick={signOut} disabled={signingOut}>
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </details>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}
