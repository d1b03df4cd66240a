import type { RelinkStepId, StepId } from "./registry";

// The hops' titles as people read them, on their own so client components show them without bundling the hops' AWS
// code. Typed by the registry: a hop without a title fails the typecheck.

export const hopTitles: Record<StepId, string> = {
  "endpointService.create": "Endpoint service on the application NLB",
  "endpointService.allowPlatform": "Allow the platform account to connect",
  "interfaceEndpoint.create": "Interface endpoint in the hub VPC",
  "interfaceEndpoint.accept": "Accept the endpoint connection",
  "interfaceEndpoint.awaitAvailable": "Wait for the endpoint and read its IPs",
  "targetGroup.create": "IP target group",
  "loadBalancer.create": "Internal NLB in the hub subnets",
  "listener.create": "TCP listener to the target group",
  "targets.register": "Register the targets",
  "loadBalancer.awaitActive": "Wait for the NLB to be active",
  "vpcLink.create": "VPC link",
  "vpcLink.awaitAvailable": "Wait for the VPC link",
  "restApi.create": "Private REST API with its resource policy",
  "restApi.routes": "Routes and integrations",
  "restApi.deploy": "Deploy to the stage",
  "chain.verify": "Verify the chain end to end",
};

/** The steps of a migration or repair run. */
export const relinkHopTitles: Record<RelinkStepId, string> = {
  "link.ensure": "The link the integrations move to, available",
  "integrations.repoint": "Repoint ANY / and ANY /{proxy+}",
  "integrations.deploy": "Deploy to the stage (callers switch here)",
  "integrations.verify": "Check the new path answers",
  "vpcLink.retire": "Delete the V1 link",
};
