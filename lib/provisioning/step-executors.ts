import type { StepId } from "./chain-steps";
import type { StepExecutor } from "./step-runtime";
import { createRestApi, createRoutes, createVpcLink, awaitVpcLinkAvailable, deploy, verifyChain } from "./steps/api-steps";
import { acceptConnection, allowPlatform, awaitEndpointAvailable, createEndpointService, createInterfaceEndpoint } from "./steps/endpoint-steps";
import { awaitLoadBalancerActive, createListener, createLoadBalancer, createTargetGroup, registerTargets } from "./steps/load-balancer-steps";

/** The code behind each step of the plan. */
export const stepExecutors: Record<StepId, StepExecutor> = {
  "endpointService.create": createEndpointService,
  "endpointService.allowPlatform": allowPlatform,
  "interfaceEndpoint.create": createInterfaceEndpoint,
  "interfaceEndpoint.accept": acceptConnection,
  "interfaceEndpoint.awaitAvailable": awaitEndpointAvailable,
  "targetGroup.create": createTargetGroup,
  "loadBalancer.create": createLoadBalancer,
  "listener.create": createListener,
  "targets.register": registerTargets,
  "loadBalancer.awaitActive": awaitLoadBalancerActive,
  "vpcLink.create": createVpcLink,
  "vpcLink.awaitAvailable": awaitVpcLinkAvailable,
  "restApi.create": createRestApi,
  "restApi.routes": createRoutes,
  "restApi.deploy": deploy,
  "chain.verify": verifyChain,
};
