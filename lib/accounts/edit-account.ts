import { partitionOfRegions, roleArnFor, roleNameOf, type EditAccount } from "./account-schemas";
import { fieldError, teamOfKind } from "./account-refusals";
import { generateExternalId } from "./external-id";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type AwsAccount } from "@/lib/generated/prisma/client";

// Changing a registered account. A new role ARN or a rotated ExternalId means the role Gatehouse assumes is no longer
// the one that was verified, so the account becomes unverified (and unusable for new requests and hubs) until an admin
// verifies it again. Each change is one transaction with its audit event.

// Requests in these states have nothing left in AWS.
const finishedStatuses = ["draft", "rejected", "withdrawn", "decommissioned"] as const;

async function lockedAccount(tx: Tx, id: string): Promise<AwsAccount> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "AwsAccount" WHERE id = ${id} FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", { key: "errors.accounts.notFound" });
  return tx.awsAccount.findUniqueOrThrow({ where: { id } });
}

/** Regions the account may not drop: a hub runs there, or one of its exposures is not finished. */
async function regionsInUse(tx: Tx, account: AwsAccount, removed: string[]): Promise<string[]> {
  if (removed.length === 0) return [];
  const [hubs, requests] = await Promise.all([
    tx.platformHub.findMany({ where: { accountId: account.id, region: { in: removed } }, select: { region: true } }),
    tx.exposureRequest.findMany({
      where: {
        sourceAccountId: account.accountId,
        status: { notIn: [...finishedStatuses] },
        hub: { region: { in: removed } },
      },
      select: { hub: { select: { region: true } } },
    }),
  ]);
  return [...new Set([...hubs.map((hub) => hub.region), ...requests.map((request) => request.hub.region)])].sort();
}

const unverified = { verifiedAt: null, verification: Prisma.DbNull };

export async function editAccount(db: Db, actor: AuditActor, id: string, input: EditAccount): Promise<AwsAccount> {
  return db.$transaction(async (tx) => {
    const account = await lockedAccount(tx, id);
    const team = await tx.team.findUnique({ where: { id: input.owningTeamId }, select: { kind: true } });
    if (!team) throw fieldError("owningTeamId", "validation.accounts.chooseListedTeam");
    if (team.kind !== account.kind) throw fieldError("owningTeamId", teamOfKind[account.kind]);
    const partition = partitionOfRegions(input.regions) === "aws-cn" ? "aws_cn" : "aws";
    if (partition !== account.partition) throw fieldError("regions", "validation.accounts.samePartition");
    const busy = await regionsInUse(
      tx,
      account,
      account.regions.filter((region) => !input.regions.includes(region)),
    );
    if (busy.length > 0)
      throw fieldError("regions", "validation.accounts.regionsInUse", {
        key: "errors.accounts.regionsInUse",
        values: { regions: busy.join(", ") },
      });

    const roleArn = roleArnFor({ accountId: account.accountId, roleName: input.roleName, regions: input.regions });
    const before = {
      alias: account.alias,
      owningTeamId: account.owningTeamId,
      regions: account.regions,
      roleArn: account.roleArn,
    };
    const after = { alias: input.alias, owningTeamId: input.owningTeamId, regions: input.regions, roleArn };
    const changes = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[])
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        .map((key) => [key, { from: before[key], to: after[key] }]),
    );
    if (Object.keys(changes).length === 0) return account;
    const roleChanged = roleArn !== account.roleArn;
    const updated = await tx.awsAccount.update({
      where: { id },
      data: { ...after, ...(roleChanged ? unverified : {}) },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "account.updated",
      targetType: "aws_account",
      targetId: account.accountId,
      details: { changes, ...(roleChanged && account.verifiedAt ? { unverified: `role ${roleNameOf(roleArn)}` } : {}) },
    });
    return updated;
  });
}

/** A new ExternalId: the old role trust stops matching, so the account is unverified until its stack is updated. */
export async function rotateExternalId(db: Db, actor: AuditActor, id: string): Promise<AwsAccount> {
  return db.$transaction(async (tx) => {
    const account = await lockedAccount(tx, id);
    const updated = await tx.awsAccount.update({
      where: { id },
      data: { externalId: generateExternalId(), ...unverified },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "account.external_id_rotated",
      targetType: "aws_account",
      targetId: account.accountId,
      details: { previous: account.externalId, externalId: updated.externalId },
    });
    return updated;
  });
}
