import { decideConsumerEndpointChange } from "@/lib/provisioning/consumers/decide-consumer-endpoint-change";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

// A second admin approves (then the worker applies it) or rejects a pending consumer-endpoint change.
export const POST = v1Route(
  v1Operations["POST /api/v1/requests/{id}/consumer-endpoints/changes/{changeId}"],
  async ({ caller, params, body }) => {
    const requestId = params.id ?? "";
    const view = await decideConsumerEndpointChange(db(), caller.user, {
      requestId,
      proposalId: params.changeId ?? "",
      decision: body.decision,
    });
    if (body.decision === "approved") await queueConsumerEndpointsReconcile(requestId);
    return view;
  },
);
