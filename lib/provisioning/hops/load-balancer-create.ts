import { CreateLoadBalancerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, tagList } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { loadBalancerDelete } from "./load-balancer-delete";
import { loadBalancerResourceName } from "./resource-names";

// The platform's internal NLB in the hub subnets; idempotent by name like every ELBv2 create.

export const loadBalancerCreate: Hop<"loadBalancer.create", { loadBalancerArn: string; dnsName: string }> = {
  id: "loadBalancer.create",
  account: "platform",
  calls: ["elasticloadbalancing:CreateLoadBalancer (network, internal)"],
  creates: "network load balancer",
  place: (exposure, hub) => ({
    dependsOn: [],
    inputs: {
      name: loadBalancerResourceName(exposure.requestId, "nlb"),
      type: "network",
      scheme: "internal",
      subnetIds: hub.subnetIds,
    },
  }),
  teardown: loadBalancerDelete,
  async run(context) {
    const { LoadBalancers } = await context.platform.elb.send(
      new CreateLoadBalancerCommand({
        Name: loadBalancerResourceName(context.requestId, "nlb"),
        Type: "network",
        Scheme: "internal",
        Subnets: context.hub.subnetIds,
        Tags: tagList(context.tags),
      }),
    );
    const balancer = LoadBalancers?.[0];
    if (!balancer?.LoadBalancerArn || !balancer.DNSName) throw new Error("ELBv2 returned no load balancer");
    await context.recordResource({
      kind: "load-balancer",
      identifier: balancer.LoadBalancerArn,
      accountId: context.hub.accountId,
    });
    return done({ loadBalancerArn: balancer.LoadBalancerArn, dnsName: balancer.DNSName });
  },
};
