import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";
import { changeConsumerEndpoints, getConsumerEndpoints } from "@/lib/provisioning/consumers/consumer-endpoints";

export const GET = v1Route(v1Operations["GET /api/v1/requests/{id}/consumer-endpoints"], ({ caller, params }) =>
  getConsumerEndpoints(db(), caller.user, params.id ?? ""),
);

export const PUT = v1Route(
  v1Operations["PUT /api/v1/requests/{id}/consumer-endpoints"],
  async ({ caller, params, body }) => {
    const view = await changeConsumerEndpoints(db(), caller.user, params.id ?? "", { set: body.vpcEndpointIds });
    await queueConsumerEndpointsReconcile(view.requestId);
    return view;
  },
);
