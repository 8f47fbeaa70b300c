import type { ScoreLevel, SyncStateName, WorstFinding } from "@/lib/client/types";

const LEVEL_LOOK: Record<ScoreLevel, { label: string; tone: string }> = {
  gold: { label: "Gold", tone: "badge-success" },
  silver: { label: "Silver", tone: "badge-accent" },
  bronze: { label: "Bronze", tone: "badge-warning" },
  none: { label: "No level", tone: "badge-danger" },
};

export function LevelBadge({ level }: { level: ScoreLevel }) {
  const look = LEVEL_LOOK[level];
  return <span className={`badge ${look.tone}`}>{look.label}</span>;
}

const SEVERITY: Record<string, { label: string; tone: string }> = {
  critical: { label: "Critical", tone: "badge-danger" },
  warning: { label: "Warning", tone: "badge-warning" },
  info: { label: "Info", tone: "badge-accent" },
};

export function WorstFindingBadge({ finding }: { finding: WorstFinding | null | undefined }) {
  if (finding === undefined) return <span className="muted">…</span>;
  if (finding === null) return <span className="badge badge-success">OK</span>;
  const look = SEVERITY[finding.severity] ?? { label: finding.severity, tone: "badge-neutral" };
  return (
    <span className={`badge ${look.tone}`} title={`${finding.count} open finding${finding.count === 1 ? "" : "s"}; worst: ${finding.detector}`}>
      {look.label} · {finding.detector}
    </span>
  );
}

const SYNC: Record<SyncStateName, { label: string; tone: string }> = {
  synced: { label: "Synced", tone: "badge-success" },
  pending: { label: "Pending", tone: "badge-warning" },
  failed: { label: "Failed", tone: "badge-danger" },
  not_configured: { label: "Not configured", tone: "badge-neutral" },
};

export function SyncBadge({ sync }: { sync: SyncStateName | undefined }) {
  if (!sync) return <span className="muted">…</span>;
  const look = SYNC[sync];
  return <span className={`badge ${look.tone}`}>{look.label}</span>;
}
