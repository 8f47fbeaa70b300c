import { SEVERITIES, type Severity } from "@/lib/domain/enums";
import type { SyncStateName } from "@/lib/client/types";

// The health filters All apps and My apps share: one list of choices each, so the two pages
// offer the same ones (the values are those GET /api/apps takes, lib/validation/ownership.ts).

const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", warning: "Warning", info: "Info" };

export const WORST_FINDING_OPTIONS: readonly { value: string; label: string }[] = [
  { value: "", label: "Any state" },
  ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] })),
  { value: "any", label: "Some open finding" },
  { value: "none", label: "No open finding" },
];

const SYNC_LABEL: Record<SyncStateName, string> = { failed: "Failed", pending: "Pending", synced: "Synced", not_configured: "Not configured" };
export const SYNC_OPTIONS: readonly { value: string; label: string }[] = [
  { value: "", label: "Any" },
  ...(Object.keys(SYNC_LABEL) as SyncStateName[]).map((s) => ({ value: s, label: SYNC_LABEL[s] })),
];

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WorstFindingSelect(props: { id: string; value: string; onChange: (value: string) => void }) {
  return <Select {...props} label="Worst finding" options={WORST_FINDING_OPTIONS} />;
}

export function SyncSelect(props: { id: string; value: string; onChange: (value: string) => void }) {
  return <Select {...props} label="Grafana" options={SYNC_OPTIONS} />;
}
