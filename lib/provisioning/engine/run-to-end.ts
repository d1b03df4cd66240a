import { advanceRun, type AdvanceResult } from "./advance-run";
import type { AdvanceDependencies } from "./engine-dependencies";

/** Advances a run in this process until it ends (the CLI, tests), pausing while it waits on AWS. */
export async function advanceToEnd(
  dependencies: AdvanceDependencies,
  runId: string,
  { maxMs = 60_000, onWait }: { maxMs?: number; onWait?: (result: AdvanceResult) => void } = {},
): Promise<AdvanceResult> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const result = await advanceRun(dependencies, runId);
    if (result.status !== "waiting" || Date.now() > deadline) return result;
    onWait?.(result);
    const pause = Math.min(Math.max((result.wakeAt?.getTime() ?? 0) - Date.now(), 10), 1_000);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
