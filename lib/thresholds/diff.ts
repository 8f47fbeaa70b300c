import { SETTING_FIELDS, type ThresholdChange, type ThresholdSettings } from "./types";

/**
 * The fields that differ between two versions, in a fixed order. The first version is diffed
 * against nothing, so every field appears with `from: null`.
 */
export function diffThresholds(previous: ThresholdSettings | null, next: ThresholdSettings): ThresholdChange[] {
  const changes: ThresholdChange[] = [];
  for (const field of SETTING_FIELDS) {
    const from = previous ? previous[field] : null;
    const to = next[field];
    if (previous && from === to) continue;
    changes.push({ field, from, to });
  }
  return changes;
}
