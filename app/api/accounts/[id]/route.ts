import { editAccountSchema } from "@/lib/accounts/account-schemas";
import { editAccount } from "@/lib/accounts/edit-account";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/accounts/:id – change alias, owning team, regions or role name (admins); a new role unverifies it.
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: editAccountSchema }, async ({ body, user }) => {
    const account = await editAccount(db(), { id: user.id, label: user.email }, id, body);
    return { id: account.id, roleArn: account.roleArn, verified: account.verifiedAt !== null };
  })(request);
}
