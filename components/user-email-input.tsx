"use client";

import { useId, useState, type InputHTMLAttributes } from "react";
import { useUsers } from "@/lib/client/use-users";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "list"> & { team?: string };

/** An email input that suggests people as you type (native datalist: works with keyboard and screen readers). */
export function UserEmailInput({ team, onChange, ...props }: Props) {
  const listId = useId();
  const [q, setQ] = useState("");
  const users = useUsers({ q, team });
  return (
    <>
      <input
        {...props}
        type="email"
        list={listId}
        autoComplete="off"
        onChange={(event) => {
          setQ(event.target.value);
          onChange?.(event);
        }}
      />
      <datalist id={listId}>
        {(users.data ?? []).map((user) => (
          <option key={user.email} value={user.email}>
            {user.name}
            {user.team ? ` (${user.team})` : ""}
          </option>
        ))}
      </datalist>
    </>
  );
}
