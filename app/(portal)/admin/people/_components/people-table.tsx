"use client";

import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorPanel } from "@/components/error-panel";
import { FormError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import type { PersonView } from "@/lib/admin/people";
import type { Manager } from "@/lib/admin/people-access";
import { ROLES, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/client/format";
import { usePeople, useTeams, useUpdatePerson } from "@/lib/client/use-people";
import type { Team } from "@/lib/client/types";

type Props = { manager: Manager; teams: Team[]; initialPeople: PersonView[] };

export function PeopleTable({ manager, teams: initialTeams, initialPeople }: Props) {
  const teams = useTeams(initialTeams).data;
  const people = usePeople(initialPeople);
  const update = useUpdatePerson();
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <FormError error={update.error} />
      {people.isError ? (
        <ErrorPanel title="People could not be loaded" error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.length === 0 ? (
        <EmptyState title="Nobody here yet." />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">People</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Team</th>
                <th scope="col">Apps (owns / backs)</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((p) => (
                <PersonRow key={p.email} person={p} manager={manager} teams={teams} update={update} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PersonRow({ person, manager, teams, update }: { person: PersonView; manager: Manager; teams: Team[]; update: ReturnType<typeof useUpdatePerson> }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const isAdmin = manager.role === "admin";
  const { self, canManage } = person;
  const change = (c: { role?: Role; team?: string | null; active?: boolean }, done: string) =>
    update.mutate({ email: person.email, change: c }, { onSuccess: () => toast.success(done), onSettled: () => setConfirming(false) });

  return (
    <tr className={person.active ? undefined : "row-danger"}>
      <th scope="row">
        {person.name}
        <span className="cell-sub">{person.email}</span>
      </th>
      <td>
        {isAdmin && !self ? (
          <select aria-label={`Role of ${person.email}`} value={person.role} disabled={update.isPending} onChange={(e) => change({ role: e.target.value as Role }, `${person.name} is now ${e.target.value}`)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          person.role
        )}
      </td>
      <td>
        {isAdmin ? (
          <select aria-label={`Team of ${person.email}`} value={person.team ?? ""} disabled={update.isPending} onChange={(e) => change({ team: e.target.value || null }, `${person.name} moved`)}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        ) : (
          (person.teamName ?? "—")
        )}
      </td>
      <td>
        {person.owns} / {person.backs}
      </td>
      <td>{person.active ? <span className="badge badge-success">Active</span> : <span className="badge badge-danger" title={person.deactivatedAt ? formatDateTime(person.deactivatedAt) : undefined}>Deactivated</span>}</td>
      <td className="cell-actions">
        {!canManage || self ? null : !person.active ? (
          <button type="button" className="button button-small button-secondary" disabled={update.isPending} onClick={() => change({ active: true }, `${person.name} can sign in again`)}>
            Reactivate <span className="visually-hidden">{person.name}</span>
          </button>
        ) : confirming ? (
          <span className="row-actions">
            <button type="button" className="button button-small button-danger" disabled={update.isPending} onClick={() => change({ active: false }, `${person.name} was deactivated`)}>
              Confirm deactivate
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button button-small button-secondary" aria-label={`Deactivate ${person.name}`} onClick={() => setConfirming(true)}>
            Deactivate
          </button>
        )}
      </td>
    </tr>
  );
}
