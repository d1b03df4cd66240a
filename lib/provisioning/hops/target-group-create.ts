import { CreateTargetGroupCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, tagList } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { loadBalancerResourceName } from "./resource-names";
import { targetGroupDelete } from "./target-group-delete";

// ELBv2 creates are idempotent by name with identical settings, so a retry after a crash returns the same resource.

export const targetGroupCreate: Hop<"targetGroup.create", { targetGroupArn: string }> = {
  id: "targetGroup.create",
  account: "platform",
  calls: ["elasticloadbalancing:CreateTargetGroup (TCP, ip)"],
  creates: "target group",
  place: (exposure, hub) => ({
    dependsOn: [],
    inputs: {
      name: loadBalancerResourceName(exposure.requestId, "tg"),
      protocol: "TCP",
      port: exposure.source.port,
      vpcId: hub.vpcId,
      targetType: "ip",
    },
  }),
  teardown: targetGroupDelete,
  async run(context) {
    const { TargetGroups } = await context.platform.elb.send(
      new CreateTargetGroupCommand({
        Name: loadBalancerResourceName(context.requestId, "tg"),
        Protocol: "TCP",
        Port: context.exposure.source.port,
        VpcId: context.hub.vpcId,
        TargetType: "ip",
        Tags: tagList(context.tags),
      }),
    );
    const targetGroupArn = TargetGroups?.[0]?.TargetGroupArn;
    if (!targetGroupArn) throw new Error("ELBv2 returned no target group");
    await context.recordResource({
      kind: "target-group",
      identifier: targetGroupArn,
      accountId: context.hub.accountId,
    });
    return done({ targetGroupArn });
  },
};
