import type { CallContext, ServiceErrors, SimulatorRuntime } from "./service";
import { evaluatePolicies } from "./policy-evaluation";
import type { AccessKey } from "./world";

export function createCallContext(input: {
  sim: SimulatorRuntime;
  caller: AccessKey;
  region: string;
  requestId: string;
  errors: ServiceErrors;
}): CallContext {
  const { sim, caller, region, requestId, errors } = input;
  const now = sim.now();
  return {
    sim,
    world: sim.world,
    caller,
    accountId: caller.accountId,
    region,
    requestId,
    now,
    authorize(request) {
      const decision = evaluatePolicies(caller.policies, request);
      if (decision !== "allowed") {
        const resource = request.resource === "*" ? undefined : request.resource;
        throw errors.accessDenied(caller.arn, request.action, resource, decision === "explicitDeny");
      }
    },
    newResource(id, tags = {}) {
      return {
        id,
        accountId: caller.accountId,
        region,
        createdAt: now,
        visibleAt: now + sim.options.consistencyDelayMs,
        tags: { ...tags },
      };
    },
  };
}
