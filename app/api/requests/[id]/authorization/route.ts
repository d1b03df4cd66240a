import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { apiAuthorizationSchema, setApiAuthorization } from "@/lib/access/set-api-authorization";
import { queueConsumerEndpointsReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";

type Context = { params: Promise<{ id: string }> };

// PUT /api/requests/:id/authorization {authorization: "none" | "AWS_IAM"} – the owning team (or an admin) chooses how
// the API's methods authorize callers; the reconcile applies it.
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user", body: apiAuthorizationSchema }, async ({ body, user }) => {
    const result = await setApiAuthorization(db(), user, id, body);
    await queueConsumerEndpointsReconcile(id);
    return result;
  })(request);
}
