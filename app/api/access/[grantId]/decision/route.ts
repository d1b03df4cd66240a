import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { accessDecisionSchema, decideAccessRequest } from "@/lib/access/decide-access-request";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

type Context = { params: Promise<{ grantId: string }> };

// POST /api/access/:grantId/decision – the owning team (not the asker) or a platform admin approves or rejects; an
// approval that completes the grant queues the reconcile that writes the resource policy and redeploys.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { grantId } = await params;
  return apiRoute({ access: "user", body: accessDecisionSchema }, async ({ body, user }) => {
    const outcome = await decideAccessRequest(db(), user, grantId, body);
    if (outcome.grant.status === "approved") await queueConsumerEndpointsReconcile(outcome.grant.requestId);
    return { id: outcome.grant.id, status: outcome.grant.status, stillNeeded: outcome.stillNeeded };
  })(request);
}
