import { NextResponse } from "next/server";
import { getConsumerEndpointsWithPending } from "@/lib/provisioning/consumers/pending-consumer-change";
import { submitConsumerEndpointChange } from "@/lib/provisioning/consumers/submit-consumer-endpoint-change";
import { db } from "@/lib/db/client";
import { processClients } from "@/lib/aws/process-clients";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

export const GET = v1Route(v1Operations["GET /api/v1/requests/{id}/consumer-endpoints"], ({ caller, params }) =>
  getConsumerEndpointsWithPending(db(), caller.user, params.id ?? ""),
);

// 200 when applied (queued for the worker), 202 when it waits for a second admin.
export const PUT = v1Route(
  v1Operations["PUT /api/v1/requests/{id}/consumer-endpoints"],
  async ({ caller, params, body }) => {
    const { status, view } = await submitConsumerEndpointChange(
      { db: db(), clients: processClients() },
      caller.user,
      params.id ?? "",
      { set: body.vpcEndpointIds },
    );
    if (status === "pending") return NextResponse.json(view, { status: 202 });
    await queueConsumerEndpointsReconcile(view.requestId);
    return view;
  },
);
