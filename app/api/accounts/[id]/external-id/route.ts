import { rotateExternalId } from "@/lib/accounts/edit-account";
import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";

// POST /api/accounts/:id/external-id – rotate the account's ExternalId (admins); the account must be verified again.
export const POST = apiRouteWithId({ access: "admin" }, async ({ user, id }) => {
  const account = await rotateExternalId(db(), { id: user.id, label: user.email }, id);
  return { id: account.id, externalId: account.externalId };
});
