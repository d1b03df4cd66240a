import { editAccountSchema } from "@/lib/accounts/account-schemas";
import { editAccount } from "@/lib/accounts/edit-account";
import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";

// PATCH /api/accounts/:id – change alias, owning team, regions or role name (admins); a new role unverifies it.
export const PATCH = apiRouteWithId({ access: "admin", body: editAccountSchema }, async ({ body, user, id }) => {
  const account = await editAccount(db(), { id: user.id, label: user.email }, id, body);
  return { id: account.id, roleArn: account.roleArn, verified: account.verifiedAt !== null };
});
