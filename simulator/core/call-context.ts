import type { CallContext, ServiceErrors, SimulatorRuntime } from "./service";
import { isActionAllowed } from "./identity";
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
    authorize(action, resource) {
      if (!isActionAllowed(caller.allowedActions, action)) throw errors.accessDenied(caller.arn, action, resource);
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
