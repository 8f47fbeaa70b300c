"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/client/types";

/** The signed-in user as the portal layout read it on the server. */
export interface SessionUser {
  email: string;
  name: string;
  role: Role;
  team: string | null;
}

const CurrentUserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser must be used inside the portal layout");
  return user;
}
