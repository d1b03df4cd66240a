import type { Db } from "@/lib/db/client";
import type { LinkMode } from "@/lib/generated/prisma/client";
import type { StepId } from "@/lib/provisioning/hops/registry";
import { exposureOf, hubOf } from "@/lib/provisioning/plan/exposure";
import { criticalPathMs, planChain } from "@/lib/provisioning/plan/plan-chain";
import { loadProfile } from "@/simulator/core/profiles";

// What the provisioning benchmarks measure against: the time AWS itself needs (the realistic profile's transitions
// on the plan's critical path), and API Gateway's CreateDeployment throttle, which serialises the chains of one
// account; plus the simulator's count of AWS calls.

export const profile = loadProfile("realistic");

/** One deployment per this many ms per account and Region (AWS: 1 request every 5 seconds), at a time scale. */
export function deploymentIntervalMs(timeScale: number): number {
  return 1000 / (profile.throttles["apigateway:CreateDeployment"]?.ratePerSecond ?? 0.2) / timeScale;
}

/** How long each step takes in real AWS (the realistic profile): the waits dominate, calls take ~0. */
function stepDurationMs(linkMode: LinkMode) {
  const latency = profile.latencyMs;
  const durations: Partial<Record<StepId, number>> = {
    "endpointService.create": latency.endpointServiceAvailable,
    // Targets turn healthy this long after registration, while the rest of the chain is still being built.
    "targets.register": latency.targetHealthy,
    "interfaceEndpoint.awaitAvailable": latency.endpointAvailableAfterAccept,
    "loadBalancer.awaitActive": latency.loadBalancerActive,
    "vpcLink.awaitAvailable": linkMode === "v1" ? latency.vpcLinkV1Available : latency.vpcLinkV2Available,
  };
  return (id: StepId) => durations[id] ?? 0;
}

/** The chain's critical path, and the same steps one after another, at a time scale. */
export async function chainBounds(db: Db, requestId: string, linkMode: LinkMode, timeScale: number) {
  const request = await db.exposureRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { hub: { include: { account: true } } },
  });
  const plan = planChain(exposureOf(request), hubOf(request.hub));
  const duration = stepDurationMs(linkMode);
  return {
    criticalPath: criticalPathMs(plan, duration) / timeScale,
    sequential: plan.reduce((sum, step) => sum + duration(step.id), 0) / timeScale,
  };
}

/** The mean number of polls per chain of each step that had to wait, e.g. "vpcLink.awaitAvailable 3.0". */
export async function pollsPerStep(db: Db, runIds: string[]) {
  const steps = await db.provisioningStep.findMany({ where: { runId: { in: runIds } } });
  const polls = new Map<string, number>();
  for (const step of steps) polls.set(step.stepId, (polls.get(step.stepId) ?? 0) + step.attempts - 1);
  return [...polls]
    .filter(([, count]) => count > 0)
    .map(([step, count]) => `${step} ${(count / runIds.length).toFixed(1)}`);
}

/** Counts the simulator's log lines, one per call: "<service> <operation> → <status> (<ms> ms)". */
export function awsCallCounter() {
  const counts = { count: 0, throttled: 0 };
  return {
    counts,
    // API Gateway throttles with 429, EC2 with 503 RequestLimitExceeded.
    log(line: string) {
      counts.count += 1;
      if (/→ (429|503) /.test(line)) counts.throttled += 1;
    },
  };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
