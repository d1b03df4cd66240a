import { accountView } from "@/lib/accounts/account-views";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route(v1Operations["GET /api/v1/accounts"], async () => {
  const accounts = await db().awsAccount.findMany({ include: { owningTeam: true }, orderBy: { alias: "asc" } });
  return { accounts: accounts.map(accountView) };
});
