// Injected failures, so tests can prove retry and outbox behaviour.

export interface FailureSpec {
  /** 5xx: answer `status` (default 503). timeout: never answer. slow: wait `delayMs`, then answer normally. */
  mode: "5xx" | "timeout" | "slow";
  /** For "slow" (default 1000 ms). */
  delayMs?: number;
  /** How many matching requests fail; unlimited when omitted. */
  count?: number;
  /** Only requests whose `/api/...` path starts with one of these strings or matches one of these regexps. */
  paths?: (string | RegExp)[];
  /** For "5xx" (default 503). */
  status?: number;
}

export interface FailureControls {
  set(spec: FailureSpec): void;
  clear(): void;
  /** The active spec (count decremented as it fires), or null. */
  readonly active: FailureSpec | null;
}

export function createFailureControls(): FailureControls & { take(path: string): FailureSpec | null } {
  let active: FailureSpec | null = null;
  return {
    set(spec) {
      active = { ...spec };
    },
    clear() {
      active = null;
    },
    get active() {
      return active;
    },
    /** The failure to apply to this request, if any; consumes one of `count`. */
    take(path) {
      if (!active) return null;
      const spec = active;
      if (spec.paths && !spec.paths.some((p) => (typeof p === "string" ? path.startsWith(p) : p.test(path)))) return null;
      if (spec.count !== undefined) {
        spec.count -= 1;
        if (spec.count <= 0) active = null;
      }
      return spec;
    },
  };
}
