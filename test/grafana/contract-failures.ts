// Injected failures, so tests can prove retry and outbox behaviour.

export interface FailureSpec {
  /**
   * 5xx: answer `status` (default 503). timeout: never answer. slow: wait `delayMs`, then answer
   * normally. hold: wait until the test calls `release()`, then answer normally (`held()` resolves
   * once such a request has arrived), so a test can act while a request is in flight without sleeping.
   */
  mode: "5xx" | "timeout" | "slow" | "hold";
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
  /** Resolves when a request is being held by a "hold" failure. */
  held(): Promise<void>;
  /** Lets every held request go on. */
  release(): void;
}

// (Promise.withResolvers is Node 22+.)
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function createFailureControls(): FailureControls & { take(path: string): FailureSpec | null; hold(): Promise<void> } {
  let active: FailureSpec | null = null;
  let arrived = deferred();
  let released = deferred();
  return {
    held() {
      return arrived.promise;
    },
    release() {
      released.resolve();
      released = deferred();
      arrived = deferred();
    },
    /** Called by the server for a request under a "hold" failure: signals arrival, waits for release. */
    hold() {
      const until = released.promise;
      arrived.resolve();
      return until;
    },
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
