"use client";

import { useId, type ReactNode } from "react";
import { useCurrentUser } from "@/components/current-user";
import { PersonLabel, ResponderLabel } from "@/components/person";
import { formatDateTime } from "@/lib/client/format";
import type { AppDetail } from "@/lib/client/types";

export function ResponsibilitySection({ app }: { app: AppDetail }) {
  const me = useCurrentUser();
  return (
    <section className="card" aria-labelledby="responsibility-heading">
      <h2 id="responsibility-heading">Who answers for it</h2>
      <div className="facts">
        <Fact label="Responder" emphasis>
          <ResponderLabel responder={app.responder} ownerAway={app.ownerAway} me={me.email} />
        </Fact>
        <Fact label="Owner">
          <PersonLabel person={app.owner} empty="Unowned" me={me.email} />
          {app.ownerSince ? <span className="cell-sub">since {formatDateTime(app.ownerSince)}</span> : null}
        </Fact>
        <Fact label="Backup">
          <PersonLabel person={app.backup} empty="No backup" me={me.email} />
        </Fact>
        <Fact label="Owner availability">{app.owner ? <Availability app={app} /> : <span className="muted">—</span>}</Fact>
      </div>
    </section>
  );
}

function Availability({ app }: { app: AppDetail }) {
  if (app.ownerAway) {
    return (
      <span>
        <span className="badge badge-warning">Away</span>{" "}
        {app.ownerAwayFrom ? `from ${formatDateTime(app.ownerAwayFrom)} ` : ""}
        {app.ownerAwayUntil ? `until ${formatDateTime(app.ownerAwayUntil)}` : ""}
      </span>
    );
  }
  if (app.ownerAwayUntil && new Date(app.ownerAwayUntil).getTime() > Date.now()) {
    return (
      <span>
        <span className="badge badge-success">Available</span> away planned
        {app.ownerAwayFrom ? ` from ${formatDateTime(app.ownerAwayFrom)}` : ""} until {formatDateTime(app.ownerAwayUntil)}
      </span>
    );
  }
  return <span className="badge badge-success">Available</span>;
}

/** A labelled group, so assistive tech (and tests) can ask for "the Responder". */
function Fact({ label, emphasis, children }: { label: string; emphasis?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className={emphasis ? "fact fact-emphasis" : "fact"}>
      <div id={id} className="fact-label">
        {label}
      </div>
      <div className="fact-value">{children}</div>
    </div>
  );
}
