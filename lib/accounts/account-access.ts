import type { AccountAccess } from "@/lib/aws/client-factory";
import type { AwsAccount } from "@/lib/generated/prisma/client";

/** The role Gatehouse assumes in a registered account, in one region. */
export function accountAccessOf(
  account: Pick<AwsAccount, "accountId" | "roleArn" | "externalId">,
  region: string,
): AccountAccess {
  return { accountId: account.accountId, roleArn: account.roleArn, externalId: account.externalId, region };
}
