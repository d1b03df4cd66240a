import type { RecordedOutputs } from "../hops/registry";
import { chainWiring, type ChainMethod, type IntegrationWiring } from "./integration-drift";

// Where a chain's two integrations must point, from what its runs recorded: the link (V1: the exposure's own, V2: the
// hub's shared one) and, through a V2 link, the exposure's platform NLB.

export function expectedWiring(
  outputs: RecordedOutputs,
  exposure: { backendHost?: string | null; port: number },
): Record<ChainMethod, IntegrationWiring> | undefined {
  const link = outputs["vpcLink.create"];
  const balancer = outputs["loadBalancer.create"];
  if (!link || !balancer) return undefined;
  return chainWiring({
    host: exposure.backendHost ?? balancer.dnsName,
    port: exposure.port,
    vpcLinkId: link.vpcLinkId,
    integrationTarget: link.version === "v2" ? balancer.loadBalancerArn : undefined,
  });
}
