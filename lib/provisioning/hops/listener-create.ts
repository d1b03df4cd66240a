import { CreateListenerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, tagList } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { loadBalancerCreate } from "./load-balancer-create";
import { targetGroupCreate } from "./target-group-create";

export const listenerCreate: Hop<"listener.create", { listenerArn: string }> = {
  id: "listener.create",
  account: "platform",
  calls: ["elasticloadbalancing:CreateListener (TCP)"],
  creates: "listener",
  place: (exposure) => ({
    dependsOn: [targetGroupCreate, loadBalancerCreate],
    inputs: { protocol: "TCP", port: exposure.source.port },
  }),
  async run(context) {
    const { Listeners } = await context.platform.elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: context.output(loadBalancerCreate, "loadBalancerArn"),
        Protocol: "TCP",
        Port: context.exposure.source.port,
        DefaultActions: [{ Type: "forward", TargetGroupArn: context.output(targetGroupCreate, "targetGroupArn") }],
        Tags: tagList(context.tags),
      }),
    );
    const listenerArn = Listeners?.[0]?.ListenerArn;
    if (!listenerArn) throw new Error("ELBv2 returned no listener");
    await context.recordResource({ kind: "listener", identifier: listenerArn, accountId: context.hub.accountId });
    return done({ listenerArn });
  },
};
