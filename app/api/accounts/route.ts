import { registerAccountSchema } from "@/lib/accounts/account-schemas";
import { accountView } from "@/lib/accounts/account-views";
import { registerAccount } from "@/lib/accounts/register-account";
import { apiRoute } from "@/lib/http/api-route";
import { db } from "@/lib/db/client";

// GET /api/accounts – every registered account (admins). POST – register one.
export const GET = apiRoute({ access: "admin" }, async () => {
  const accounts = await db().awsAccount.findMany({ include: { owningTeam: true }, orderBy: { alias: "asc" } });
  return accounts.map(accountView);
});

export const POST = apiRoute({ access: "admin", body: registerAccountSchema }, async ({ body, user }) => {
  const account = await registerAccount(db(), { id: user.id, label: user.email }, body);
  return Response.json(
    { id: account.id, accountId: account.accountId, externalId: account.externalId },
    { status: 201 },
  );
});
