import { rotateExternalId } from "@/lib/accounts/edit-account";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// POST /api/accounts/:id/external-id – rotate the account's ExternalId (admins); the account must be verified again.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin" }, async ({ user }) => {
    const account = await rotateExternalId(db(), { id: user.id, label: user.email }, id);
    return { id: account.id, externalId: account.externalId };
  })(request);
}
