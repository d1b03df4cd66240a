import type { SimulatorRuntime } from "../core/service";
import type { RegisteredTarget, TargetGroup } from "../model/elb";
import { traceTarget } from "./trace-target";

/** Whether a load balancer's health check would pass: a real backend answers behind the target. */
export function targetReachability(
  sim: SimulatorRuntime,
  targetGroup: TargetGroup,
  target: RegisteredTarget,
): { reachable: true } | { reachable: false; reasonCode: string; description: string } {
  const trace = traceTarget(sim, targetGroup, target);
  if (trace.ok) return { reachable: true };
  return { reachable: false, reasonCode: "Target.FailedHealthChecks", description: `Health checks failed: ${trace.reason}` };
}
