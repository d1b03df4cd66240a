import { DeleteLoadBalancerCommand, DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait } from "../engine/step-runtime";
import { deleteByName } from "./delete-by-name";
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
    const result = await deleteByName({
      find: async () =>
        (await elb.send(new DescribeLoadBalancersCommand({ Names: [name] }))).LoadBalancers?.[0]?.LoadBalancerArn,
      notFound: ["LoadBalancerNotFoundException", "LoadBalancerNotFound"],
      remove: (arn) => elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn })),
    });
    if (result === "gone") return done();
    // The V1 link that pins the NLB is still being deleted.
    if (result !== "deleted") return wait(result.inUse, 5_000);
    return wait(`load balancer ${name} is being deleted`, 2_000);
  },
};
