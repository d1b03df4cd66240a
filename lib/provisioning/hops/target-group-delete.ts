import { DeleteTargetGroupCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait } from "../engine/step-runtime";
import { isGone } from "./already-gone";
import type { TeardownHop } from "./hop";
import { loadBalancerDelete } from "./load-balancer-delete";
import { loadBalancerResourceName } from "./resource-names";

export const targetGroupDelete: TeardownHop<"targetGroup.delete"> = {
  id: "targetGroup.delete",
  // A listener pins its target group; the listener goes with the NLB.
  place: () => ({ dependsOn: [loadBalancerDelete] }),
  async run(context) {
    const { elb } = context.platform;
    const name = loadBalancerResourceName(context.requestId, "tg");
    const found = await elb.send(new DescribeTargetGroupsCommand({ Names: [name] })).catch((error: Error) => {
      if (isGone(error, "TargetGroupNotFoundException", "TargetGroupNotFound")) return undefined;
      throw error;
    });
    const group = found?.TargetGroups?.[0];
    if (!group?.TargetGroupArn) return done();
    try {
      await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn }));
    } catch (error) {
      if (error instanceof Error && isGone(error, "ResourceInUse", "ResourceInUseException"))
        return wait(error.message, 2_000);
      throw error;
    }
    return done();
  },
};
