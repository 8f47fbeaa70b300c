// Pure: how often detection looks at an app, as the settings of this server say — not a
// promise the code does not keep ("every minute" whatever DETECTION_INTERVAL_SECONDS is).
export type DetectionSchedule = { enabled: boolean; intervalSeconds: number };

function every(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "every hour" : `every ${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "every minute" : `every ${seconds / 60} minutes`;
  return `every ${seconds} seconds`;
}

/** "Checked every 5 minutes", or that nothing checks on its own. */
export function cadenceLabel(s: DetectionSchedule): string {
  return s.enabled ? `Checked ${every(s.intervalSeconds)}` : "Not checked automatically (scheduler off); a lead can run detection";
}

/** The empty state's title. */
export function watchingLabel(s: DetectionSchedule): string {
  return s.enabled ? `No findings — detection watches this app ${every(s.intervalSeconds)}` : "No findings — automatic detection is off on this server";
}
