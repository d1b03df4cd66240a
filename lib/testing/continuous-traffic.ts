import type { RunningSimulator } from "@/simulator/server";
import { invokePrivateApi } from "@/simulator/testing/invoke-private-api";

// A caller in the consumer VPC that keeps calling exposures through the simulator's data plane, one request after
// another (taking the targets in turn), while a test changes the chains underneath: zero downtime is measured, not
// assumed. Bounded: it stops when asked, or after `maxRequests`.

export type TrafficTally = { sent: number; failed: number; failures: string[] };

export function continuousTraffic(
  sim: RunningSimulator,
  target: { host: string; path: string } | { host: string; path: string }[],
  maxRequests = 20_000,
): { stop(): Promise<TrafficTally> } {
  const tally: TrafficTally = { sent: 0, failed: 0, failures: [] };
  let running = true;
  const targets = Array.isArray(target) ? target : [target];
  const loop = (async () => {
    for (
      let next = targets[0];
      running && next && tally.sent < maxRequests;
      next = targets[tally.sent % targets.length]
    ) {
      tally.sent += 1;
      const answer = await invokePrivateApi(sim, next).catch((error: Error) => ({ status: 0, body: error.message }));
      if (answer.status !== 200) {
        tally.failed += 1;
        if (tally.failures.length < 5) tally.failures.push(`${answer.status}: ${answer.body.slice(0, 200)}`);
      }
      // Yields to the engine between requests (the simulator answers in this process).
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return tally;
    },
  };
}
