import { partitionOfRegions, roleArnFor, type RegisterAccount } from "./account-schemas";
import { fieldError, teamOfKind } from "./account-refusals";
import { generateExternalId } from "./external-id";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type AwsAccount } from "@/lib/generated/prisma/client";

/** Registers an AWS account with a fresh ExternalId and the derived role ARN, with its audit event. */
export async function registerAccount(db: Db, actor: AuditActor, input: RegisterAccount): Promise<AwsAccount> {
  const duplicate = () =>
    new AppError(
      "CONFLICT",
      { key: "errors.accounts.alreadyRegistered", values: { accountId: input.accountId } },
      { fieldErrors: { accountId: ["validation.accounts.alreadyRegistered"] } },
    );
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.awsAccount.findUnique({ where: { accountId: input.accountId }, select: { id: true } }))
        throw duplicate();
      const team = await tx.team.findUnique({ where: { id: input.owningTeamId }, select: { kind: true } });
      if (!team) throw fieldError("owningTeamId", "validation.accounts.chooseListedTeam");
      if (team.kind !== input.kind) throw fieldError("owningTeamId", teamOfKind[input.kind]);
      const partition = partitionOfRegions(input.regions);
      const account = await tx.awsAccount.create({
        data: {
          accountId: input.accountId,
          alias: input.alias,
          kind: input.kind,
          partition: partition === "aws-cn" ? "aws_cn" : "aws",
          roleArn: roleArnFor(input),
          externalId: generateExternalId(),
          regions: input.regions,
          owningTeamId: input.owningTeamId,
        },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "account.registered",
        targetType: "aws_account",
        targetId: account.accountId,
        details: { alias: account.alias, kind: account.kind, regions: account.regions, roleArn: account.roleArn },
      });
      return account;
    });
  } catch (error) {
    // Two admins registering the same account at once: the unique index decides, the loser sees the same message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate();
    throw error;
  }
}
