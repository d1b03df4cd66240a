import { DeleteVpcLinkCommand, GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import { done, wait } from "../engine/step-runtime";
import { isGone } from "./already-gone";
import type { TeardownHop } from "./hop";
import { requestTag } from "./resource-names";
import { restApiDelete } from "./rest-api-delete";

export const vpcLinkDelete: TeardownHop<"vpcLink.delete"> = {
  id: "vpcLink.delete",
  // A REST API's integration pins its VPC link. In link mode v2 the link is the hub's, shared by every exposure: this
  // hop only checks that it is not ours.
  place: () => ({ dependsOn: [restApiDelete] }),
  async run(context) {
    // Link mode v2 shares one link per hub: it outlives every exposure.
    if (context.hub.linkMode === "v2") return done({ kept: "the hub's shared API Gateway v2 VPC link" });
    const { apiGateway } = context.platform;
    const { items } = await apiGateway.send(new GetVpcLinksCommand({ limit: 500 }));
    const ours = (items ?? []).filter((link) => link.tags?.[requestTag] === context.requestId);
    if (ours.length === 0) return done();
    for (const link of ours.filter((candidate) => candidate.status !== "DELETING")) {
      await apiGateway.send(new DeleteVpcLinkCommand({ vpcLinkId: link.id })).catch((error: Error) => {
        if (!isGone(error, "NotFoundException")) throw error;
      });
    }
    return wait(`VPC link ${ours.map((link) => link.id).join(", ")} is being deleted`, 5_000);
  },
};
