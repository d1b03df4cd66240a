// How long a step waits before its next attempt.

/** After a transient failure: exponential with jitter, so throttled workers do not retry in step. */
export function backoffMs(failures: number): number {
  const base = Math.min(60_000, 500 * 2 ** failures);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

// Polls start soon and stretch to the step's own interval: a transition that AWS finishes in seconds is seen in
// seconds, one that takes minutes costs a handful of polls.
export const pollDelayMs = (interval: number, waits: number) => Math.min(interval, 500 * 2 ** waits);
