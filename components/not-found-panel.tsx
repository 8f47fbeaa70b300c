import Link from "next/link";
import type { ReactNode } from "react";

export function NotFoundPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="card narrow not-found">
      <h1>{title}</h1>
      {children ? <p className="muted">{children}</p> : null}
      <p className="row-actions">
        <Link className="button" href="/apps">
          Browse all apps
        </Link>
        <Link className="button button-secondary" href="/apps/mine">
          My apps
        </Link>
      </p>
    </div>
  );
}
