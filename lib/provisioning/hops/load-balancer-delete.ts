import { DeleteLoadBalancerCommand, DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait } from "../engine/step-runtime";
import { isGone } from "./already-gone";
import type { TeardownHop } from "./hop";
import { loadBalancerResourceName } from "./resource-names";
import { restApiDelete } from "./rest-api-delete";
import { vpcLinkDelete } from "./vpc-link-delete";

export const loadBalancerDelete: TeardownHop<"loadBalancer.delete"> = {
  id: "loadBalancer.delete",
  // A V1 link pins its NLB.
  place: (_scenario, linkMode) => ({ dependsOn: linkMode === "v1" ? [vpcLinkDelete] : [restApiDelete] }),
  async run(context) {
    const { elb } = context.platform;
    const name = loadBalancerResourceName(context.requestId, "nlb");
    const found = await elb.send(new DescribeLoadBalancersCommand({ Names: [name] })).catch((error: Error) => {
      if (isGone(error, "LoadBalancerNotFoundException", "LoadBalancerNotFound")) return undefined;
      throw error;
    });
    const balancer = found?.LoadBalancers?.[0];
    if (!balancer?.LoadBalancerArn) return done();
    try {
      await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: balancer.LoadBalancerArn }));
    } catch (error) {
      // The V1 link that pins the NLB is still being deleted.
      if (error instanceof Error && isGone(error, "ResourceInUse", "ResourceInUseException"))
        return wait(error.message, 5_000);
      throw error;
    }
    return wait(`load balancer ${name} is being deleted`, 2_000);
  },
};
