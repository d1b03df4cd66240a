import { DeleteTargetGroupCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait } from "../engine/step-runtime";
import { deleteByName } from "./delete-by-name";
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
    const result = await deleteByName({
      find: async () =>
        (await elb.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0]?.TargetGroupArn,
      notFound: ["TargetGroupNotFoundException", "TargetGroupNotFound"],
      remove: (arn) => elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn })),
    });
    return typeof result === "object" ? wait(result.inUse, 2_000) : done();
  },
};
