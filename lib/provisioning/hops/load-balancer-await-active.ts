import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait, type NoOutputs } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { loadBalancerCreate } from "./load-balancer-create";

export const loadBalancerAwaitActive: Hop<"loadBalancer.awaitActive", NoOutputs> = {
  id: "loadBalancer.awaitActive",
  account: "platform",
  calls: ["elasticloadbalancing:DescribeLoadBalancers (until active)"],
  place: () => ({ dependsOn: [loadBalancerCreate] }),
  async run(context) {
    const arn = context.output(loadBalancerCreate, "loadBalancerArn");
    const { LoadBalancers } = await context.platform.elb
      .send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }))
      .catch((error: Error) => {
        if (error.name === "LoadBalancerNotFoundException") return { LoadBalancers: [] };
        throw error;
      });
    const state = LoadBalancers?.[0]?.State?.Code;
    if (state === "active") return done();
    if (state === "failed") throw new Error(`load balancer ${arn} failed to provision`);
    return wait(`load balancer is ${state ?? "not visible yet"}`, 15_000);
  },
};
