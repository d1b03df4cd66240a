import { accountRoleTemplate, accountView } from "@/lib/accounts/account-views";
import { roleTemplateFileName } from "@/lib/accounts/role-template";
import { portalPrincipalArn } from "@/lib/aws/portal-identity";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRouteWithId } from "@/lib/http/api-route";

// GET /api/accounts/:id/template – the CloudFormation template of the account's role, as a download (admins).
export const GET = apiRouteWithId({ access: "admin" }, async ({ id }) => {
  const account = await db().awsAccount.findUnique({ where: { id }, include: { owningTeam: true } });
  if (!account) throw new AppError("NOT_FOUND", "No such account.");
  const view = accountView(account);
  const template = accountRoleTemplate(view, await portalPrincipalArn());
  return new Response(`${JSON.stringify(template, null, 2)}\n`, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${roleTemplateFileName(view)}"`,
    },
  });
});
