"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PersonView } from "@/lib/admin/people";
import type { TeamCreateInput, TeamRenameInput, UserCreateInput, UserUpdateInput } from "@/lib/validation/admin";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Team } from "./types";

/** The people I manage (admins: everyone; leads: their team), deactivated ones included. */
export function usePeople(initialData: PersonView[]) {
  return useQuery({
    queryKey: queryKeys.people(),
    queryFn: ({ signal }) => apiFetch<{ items: PersonView[] }>("/api/users?view=manage", { signal }).then((r) => r.items),
    initialData,
  });
}

/** Every team, kept current: a team created or renamed on this page shows up in every list of it. */
export function useTeams(initialData: Team[]) {
  return useQuery({
    queryKey: queryKeys.teams(),
    queryFn: ({ signal }) => apiFetch<{ items: Team[] }>("/api/teams", { signal }).then((r) => r.items),
    initialData,
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, change }: { email: string; change: UserUpdateInput }) =>
      apiFetch<{ user: PersonView }>(`/api/users/${encodeURIComponent(email)}`, { method: "PATCH", body: change }).then((r) => r.user),
    onSuccess: (user) => {
      queryClient.setQueryData<PersonView[]>(queryKeys.people(), (list) => list?.map((p) => (p.email === user.email ? user : p)));
      // who answers for apps may have changed
      void queryClient.invalidateQueries({ queryKey: queryKeys.apps.all() });
      void queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => apiFetch<{ user: { email: string } }>("/api/users", { method: "POST", body: input }).then((r) => r.user),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.people() }),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamCreateInput) => apiFetch<{ team: Team }>("/api/teams", { method: "POST", body: input }).then((r) => r.team),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.teams() }),
  });
}

export function useRenameTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, ...input }: TeamRenameInput & { slug: string }) =>
      apiFetch<{ team: Team }>(`/api/teams/${encodeURIComponent(slug)}`, { method: "PATCH", body: input }).then((r) => r.team),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.people() });
    },
  });
}
