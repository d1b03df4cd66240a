import { roleNameOf } from "./account-schemas";
import { permissionProbes, type ProbeTarget } from "./permission-probes";
import { rolePolicyStatements, type PolicyStatement } from "./role-policy";
import { isVerified, type CheckText, type PermissionCheck, type Verification } from "./verification";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import {
  judgePermissionAnswer,
  type PermissionVerdict,
  type ProbeAnswer,
  type ProbeKind,
} from "@/lib/aws/permission-answer";
import { createClientFactory, type AccountClients, type ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AwsAccount } from "@/lib/generated/prisma/client";

// Verifying an account: assume its role with its ExternalId, then probe each permission the role needs for its kind.
// The result is stored on the account; `verifiedAt` is set only when nothing is missing. Each check's text is a
// catalogue key with values (shown in the reader's language), except AWS's own answer, kept as AWS wrote it.

type VerifiableAccount = Pick<AwsAccount, "accountId" | "kind" | "roleArn" | "externalId" | "regions" | "partition">;

export async function checkAccountPermissions(
  account: VerifiableAccount,
  factory: ClientFactory,
  now: () => Date = () => new Date(),
): Promise<Verification> {
  const region = account.regions[0];
  if (!region) throw new AppError("VALIDATION_FAILED", { key: "errors.accounts.noRegion" });
  const target: ProbeTarget = {
    accountId: account.accountId,
    region,
    partition: account.partition === "aws_cn" ? "aws-cn" : "aws",
  };
  const clients = factory.clientsFor({ ...account, region }, `verify-${account.accountId}`);
  const assume = await assumeRoleCheck(account, clients);
  const checks = [
    assume,
    ...(await Promise.all(permissionChecks(account, target, assume.status === "passed" ? clients : null))),
  ];
  return { checkedAt: now().toISOString(), roleArn: account.roleArn, region, ok: isVerified(checks), checks };
}

async function assumeRoleCheck(account: VerifiableAccount, clients: AccountClients): Promise<PermissionCheck> {
  try {
    await clients.ec2.config.credentials();
    return {
      action: "sts:AssumeRole",
      status: "passed",
      detail: { key: "accounts.checks.assumed", values: { roleArn: account.roleArn } },
    };
  } catch (error) {
    return {
      action: "sts:AssumeRole",
      status: "missing",
      detail: { key: "accounts.checks.notAssumed", values: { roleArn: account.roleArn, answer: awsAnswer(error) } },
      fix: {
        key: "accounts.checks.assumeFix",
        values: { roleName: roleNameOf(account.roleArn), accountId: account.accountId, externalId: account.externalId },
      },
    };
  }
}

function permissionChecks(
  account: VerifiableAccount,
  target: ProbeTarget,
  clients: AccountClients | null,
): Promise<PermissionCheck>[] {
  const statements = rolePolicyStatements(account.kind, { ...target, regions: account.regions });
  const actions = [...new Set(statements.flatMap((statement) => statement.Action))];
  return actions.map(async (action): Promise<PermissionCheck> => {
    const granting = statements.filter((statement) => statement.Action.includes(action));
    const sid = granting[0]?.Sid ?? "";
    const probe = permissionProbes[action];
    if (!clients) return { action, status: "not_checked", detail: { key: "accounts.checks.skipped" } };
    if (!granting.some(probeable))
      return { action, status: "not_checked", detail: { key: "accounts.checks.conditional" } };
    if (!probe) return { action, status: "not_checked", detail: unprobedReason(action) };
    const answer = await answerOf(() => probe.call(clients, target));
    const { verdict } = judgePermissionAnswer(probe.kind, answer);
    const detail = answerText(probe.kind, verdict, answer);
    return verdict === "denied"
      ? { action, status: "missing", detail, fix: { key: "accounts.checks.addToPolicy", values: { action, sid } } }
      : { action, status: checkStatusOf[verdict], detail };
  });
}

const checkStatusOf = { allowed: "passed", denied: "missing", unknown: "inconclusive" } as const satisfies Record<
  PermissionVerdict["verdict"],
  string
>;

/**
 * Whether a probe can prove the grant: a probe's DryRun create carries Gatehouse's tag, so a grant conditioned only
 * on the request's tags can be probed; one on an existing resource's tag or on the creating call cannot.
 */
function probeable(statement: PolicyStatement): boolean {
  const keys = Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block));
  return keys.every((key) => key.startsWith("aws:RequestTag/") || key === "aws:TagKeys");
}

/** Verifies a registered account through a freshly assumed role and stores the result with its audit event. */
export async function verifyAccount(
  db: Db,
  actor: AuditActor,
  id: string,
  factory: ClientFactory = createClientFactory(),
): Promise<Verification> {
  const account = await db.awsAccount.findUnique({ where: { id } });
  if (!account) throw new AppError("NOT_FOUND", { key: "errors.accounts.notFound" });
  const verification = await checkAccountPermissions(account, factory);
  await db.$transaction(async (tx) => {
    await tx.awsAccount.update({
      where: { id },
      data: { verification, verifiedAt: verification.ok ? new Date(verification.checkedAt) : null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "account.verified",
      targetType: "aws_account",
      targetId: account.accountId,
      details: {
        ok: verification.ok,
        missing: verification.checks.filter((check) => check.status === "missing").map((check) => check.action),
      },
    });
  });
  return verification;
}

function unprobedReason(action: string): CheckText {
  if (action.startsWith("ec2:")) return { key: "accounts.checks.ec2NeedsResource" };
  if (action.startsWith("elasticloadbalancing:") || action.startsWith("apigateway:"))
    return { key: "accounts.checks.noDryRun" };
  return { key: "accounts.checks.notProbed" };
}

/** The probe's answer, kept whole: the verdict is judged in one place, the text names AWS's own error. */
async function answerOf(call: () => Promise<unknown>): Promise<ProbeAnswer> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * What an answer proved, in Gatehouse's words (translated where shown) around AWS's own error, which stays as AWS
 * wrote it: the same cases lib/aws/permission-answer.ts judges.
 */
function answerText(kind: ProbeKind, verdict: PermissionVerdict["verdict"], answer: ProbeAnswer): CheckText {
  if (answer.ok) return { key: kind === "read" ? "accounts.checks.readAnswered" : "accounts.checks.dryRunUnconfirmed" };
  const name = answer.error instanceof Error ? answer.error.name : "Error";
  if (name === "DryRunOperation") return { key: "accounts.checks.dryRunAllowed" };
  if (verdict === "allowed") return { key: "accounts.checks.probeResourceLookedUp", values: { name } };
  return awsAnswer(answer.error);
}

/** AWS's refusal as AWS wrote it ("AccessDenied: User … is not authorized …"). */
function awsAnswer(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
