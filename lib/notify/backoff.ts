// Retry schedule for notifications: exponential from 30 s, capped at 30 min, half of it jittered
// so many failed sends do not retry in lockstep; given up after MAX_ATTEMPTS.
export const MAX_ATTEMPTS = 6;
const BASE_MS = 30_000;
const CAP_MS = 30 * 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
