import type { Hub } from "./plan-chain";

// Rollback and decommission take the chain down in reverse: nothing is deleted while something in front of it still
// uses it (a REST API's integration pins its VPC link, a V1 link pins its NLB, a listener pins its target group, the
// interface endpoint's connection pins the endpoint service).

export const teardownStepIds = [
  "restApi.delete",
  "vpcLink.delete",
  "loadBalancer.delete",
  "targetGroup.delete",
  "interfaceEndpoint.delete",
  "endpointService.delete",
] as const;

export type TeardownStepId = (typeof teardownStepIds)[number];

export type PlannedTeardownStep = { id: TeardownStepId; dependsOn: TeardownStepId[] };

export function planTeardown(scenario: "crossAccountNlb" | "remoteNetwork", linkMode: Hub["linkMode"]): PlannedTeardownStep[] {
  const steps: PlannedTeardownStep[] = [
    { id: "restApi.delete", dependsOn: [] },
    // In link mode v2 the link is the hub's, shared by every exposure: this step only checks that it is not ours.
    { id: "vpcLink.delete", dependsOn: ["restApi.delete"] },
    { id: "loadBalancer.delete", dependsOn: linkMode === "v1" ? ["vpcLink.delete"] : ["restApi.delete"] },
    { id: "targetGroup.delete", dependsOn: ["loadBalancer.delete"] },
  ];
  if (scenario === "remoteNetwork") return steps;
  return [
    ...steps,
    { id: "interfaceEndpoint.delete", dependsOn: ["targetGroup.delete"] },
    { id: "endpointService.delete", dependsOn: ["interfaceEndpoint.delete"] },
  ];
}
