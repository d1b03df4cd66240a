import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { revokeAccessGrant } from "@/lib/access/revoke-access-grant";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

type Context = { params: Promise<{ grantId: string }> };

// POST /api/access/:grantId/revoke – either side takes access back (or withdraws a pending request); the reconcile
// then removes the endpoint from the resource policy and redeploys.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { grantId } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    const grant = await revokeAccessGrant(db(), user, grantId);
    await queueConsumerEndpointsReconcile(grant.requestId);
    return { id: grant.id, status: grant.status };
  })(request);
}
