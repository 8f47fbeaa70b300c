import type { Person } from "@/lib/client/types";

/** A person's name with their email as secondary text; "—" (or a given text) when nobody. */
export function PersonLabel({ person, empty = "—", me }: { person: Person | null; empty?: string; me?: string }) {
  if (!person) return <span className="muted">{empty}</span>;
  return (
    <span className="person" title={person.email}>
      <span className="person-name">{person.name}</span>
      {me === person.email ? <span className="badge badge-neutral">you</span> : null}
    </span>
  );
}

/**
 * Who gets paged now. Nobody reachable is a problem, so it is loud on purpose.
 * `via` says when the backup is standing in for an away owner.
 */
export function ResponderLabel({
  responder,
  ownerAway,
  me,
}: {
  responder: Person | null;
  ownerAway: boolean;
  me?: string;
}) {
  if (!responder) {
    return <span className="badge badge-danger">Nobody reachable</span>;
  }
  const isMe = me !== undefined && responder.email === me;
  return (
    <span className="person" title={responder.email}>
      <span className="person-name">{responder.name}</span>
      {isMe ? <span className="badge badge-accent">You are on call</span> : null}
      {ownerAway ? <span className="badge badge-warning">owner away</span> : null}
    </span>
  );
}
