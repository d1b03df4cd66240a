import type { StepId } from "./chain-steps";
import type { TeardownStepId } from "../plan/plan-teardown";
import type { StepExecutor } from "../engine/step-runtime";
import { awaitVpcLinkAvailable, createRestApi, createRoutes, createVpcLink, deploy, verifyChain } from "./api-steps";
import { acceptConnection, allowPlatform, awaitEndpointAvailable, createEndpointService, createInterfaceEndpoint } from "./endpoint-steps";
import { deleteEndpointService, deleteInterfaceEndpoint, deleteLoadBalancer, deleteRestApi, deleteTargetGroup, deleteVpcLink } from "./teardown-steps";
import { awaitLoadBalancerActive, createListener, createLoadBalancer, createTargetGroup, registerTargets } from "./load-balancer-steps";

/** The code behind each step of a provisioning or teardown run. */
export const stepExecutors: Record<StepId | TeardownStepId, StepExecutor> = {
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
  "restApi.delete": deleteRestApi,
  "vpcLink.delete": deleteVpcLink,
  "loadBalancer.delete": deleteLoadBalancer,
  "targetGroup.delete": deleteTargetGroup,
  "interfaceEndpoint.delete": deleteInterfaceEndpoint,
  "endpointService.delete": deleteEndpointService,
};
