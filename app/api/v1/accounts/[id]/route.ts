import { accountView } from "@/lib/accounts/account-views";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

// By Gatehouse id or by the 12-digit AWS account id.
export const GET = v1Route(v1Operations["GET /api/v1/accounts/{id}"], async ({ params }) => {
  const id = params.id ?? "";
  const account = await db().awsAccount.findFirst({
    where: /^\d{12}$/.test(id) ? { accountId: id } : { id },
    include: { owningTeam: true },
  });
  if (!account) throw new AppError("NOT_FOUND", "No such account.");
  return accountView(account);
});
