import { PermanentStepError } from "./step-runtime";
import { accountAccessOf } from "@/lib/accounts/account-access";
import type { AccountAccess } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import type { AwsAccount, ExposureRequest, PlatformHub } from "@/lib/generated/prisma/client";

export type RequestWithHub = ExposureRequest & { hub: PlatformHub & { account: AwsAccount } };

export const requestWithHub = { hub: { include: { account: true } } } as const;

/** The role in the hub's platform account, where the REST API, the VPC link and the platform NLB live. */
export function platformAccessOf(request: RequestWithHub): AccountAccess {
  return accountAccessOf(request.hub.account, request.hub.region);
}

/** The roles a request's steps act through: the hub's platform account, and the application account in scenario A. */
export async function accountAccessFor(
  db: Db,
  request: RequestWithHub,
): Promise<{ platform: AccountAccess; application?: AccountAccess }> {
  const platform = platformAccessOf(request);
  if (request.scenario !== "cross_account_nlb") return { platform };
  const account = await db.awsAccount.findUnique({ where: { accountId: request.sourceAccountId ?? "" } });
  if (!account)
    throw new PermanentStepError(`Account ${request.sourceAccountId ?? ""} is not registered.`, undefined, {
      key: "failures.fix.registerAccount",
    });
  return { platform, application: accountAccessOf(account, request.hub.region) };
}
