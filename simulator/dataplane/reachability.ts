import type { SimulatorRuntime } from "../core/service";
import type { RegisteredTarget, TargetGroup } from "../model/elb";
import { traceTarget } from "./trace-target";

// What a load balancer's health checks find behind a target: the same hop-by-hop walk the data plane takes. Dropped
// packets (an endpoint not accepted, no route) read as AWS's time-out; a refusal (nothing listening) as a failed check.

export type Reachability = { reachable: true } | { reachable: false; reasonCode: string; description: string };

export function targetReachability(
  sim: SimulatorRuntime,
  targetGroup: TargetGroup,
  target: RegisteredTarget,
): Reachability {
  const trace = traceTarget(sim, targetGroup, target);
  if (trace.ok) return { reachable: true };
  return trace.symptom === "timeout"
    ? { reachable: false, reasonCode: "Target.Timeout", description: "Request timed out" }
    : { reachable: false, reasonCode: "Target.FailedHealthChecks", description: "Health checks failed" };
}
