import type { AppDetail } from "@/lib/client/types";

export function AppHeading({ app }: { app: AppDetail }) {
  return (
    <header className="page-header">
      <div>
        <p className="eyebrow">
          <code>{app.appId}</code> · {app.teamName}
        </p>
        <h1>{app.name}</h1>
        {app.description ? <p className="page-description">{app.description}</p> : null}
      </div>
      {app.responder ? null : (
        <p className="banner banner-danger" role="note">
          <strong>Nobody can be reached for this app.</strong>{" "}
          {app.owner ? "The owner is away and there is no backup." : "It has no owner."}
        </p>
      )}
    </header>
  );
}
