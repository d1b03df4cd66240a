import { roleNameOf } from "./account-schemas";
import { roleTemplate } from "./role-template";
import { parseVerification } from "./verification";
import type { AwsAccount, Team } from "@/lib/generated/prisma/client";

// What the admin pages and API routes show of an account: stored fields plus the parsed last verification.

export function accountView(account: AwsAccount & { owningTeam: Team }) {
  return {
    id: account.id,
    accountId: account.accountId,
    alias: account.alias,
    kind: account.kind,
    partition: account.partition === "aws_cn" ? ("aws-cn" as const) : ("aws" as const),
    regions: account.regions,
    roleArn: account.roleArn,
    roleName: roleNameOf(account.roleArn),
    externalId: account.externalId,
    owningTeam: { id: account.owningTeam.id, name: account.owningTeam.name },
    verifiedAt: account.verifiedAt?.toISOString() ?? null,
    verification: parseVerification(account.verification),
    createdAt: account.createdAt.toISOString(),
  };
}

export type AccountView = ReturnType<typeof accountView>;

export function accountRoleTemplate(account: AccountView, portalPrincipalArn: string) {
  return roleTemplate({ ...account, portalPrincipalArn });
}
