import { DeleteRestApiCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { done } from "../engine/step-runtime";
import { isGone } from "./already-gone";
import type { TeardownHop } from "./hop";
import { requestTag } from "./resource-names";

export const restApiDelete: TeardownHop<"restApi.delete"> = {
  id: "restApi.delete",
  place: () => ({ dependsOn: [] }),
  async run(context) {
    const { apiGateway } = context.platform;
    const { items } = await apiGateway.send(new GetRestApisCommand({ limit: 500 }));
    const ours = (items ?? []).filter((api) => api.tags?.[requestTag] === context.requestId);
    for (const api of ours) {
      await apiGateway.send(new DeleteRestApiCommand({ restApiId: api.id })).catch((error: Error) => {
        if (!isGone(error, "NotFoundException")) throw error;
      });
    }
    return done({ deleted: ours.map((api) => api.id ?? "") });
  },
};
