"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { useCurrentUser } from "./current-user";
import { useToast } from "./toast";

export function UserMenu() {
  const user = useCurrentUser();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [signingOut, setSigningOut] = useState(false);
  const menuRef = useRef<HTMLDetailsElement>(null);

  // A disclosure menu should close on Escape and when clicking elsewhere, like any menu.
  useEffect(() => {
    function close(event: MouseEvent | KeyboardEvent) {
      const menu = menuRef.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    }
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

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
    <details className="user-menu" ref={menuRef}>
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
