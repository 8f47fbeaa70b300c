import { SEVERITY_LOOK } from "@/lib/client/findings/format";
import type { FindingSeverity } from "@/lib/client/findings/types";

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const look = SEVERITY_LOOK[severity];
  return <span className={`badge ${look.tone}`}>{look.label}</span>;
}
