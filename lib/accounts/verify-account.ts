import { roleNameOf } from "./account-schemas";
import { permissionProbes, type ProbeTarget } from "./permission-probes";
import { rolePolicyStatements, type PolicyStatement } from "./role-policy";
import { isVerified, type PermissionCheck, type Verification } from "./verification";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { judgePermissionAnswer, probePermission, type PermissionVerdict } from "@/lib/aws/permission-answer";
import { createClientFactory, type AccountClients, type ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AwsAccount } from "@/lib/generated/prisma/client";

// Verifying an account: assume its role with its ExternalId, then probe each permission the role needs for its kind.
// The result is stored on the account; `verifiedAt` is set only when nothing is missing.

type VerifiableAccount = Pick<AwsAccount, "accountId" | "kind" | "roleArn" | "externalId" | "regions" | "partition">;

export async function checkAccountPermissions(
  account: VerifiableAccount,
  factory: ClientFactory,
  now: () => Date = () => new Date(),
): Promise<Verification> {
  const region = account.regions[0];
  if (!region) throw new AppError("VALIDATION_FAILED", "The account names no region.");
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
      detail: `Assumed ${account.roleArn} with the account's ExternalId.`,
    };
  } catch (error) {
    const { detail } = judgePermissionAnswer("read", { ok: false, error });
    return {
      action: "sts:AssumeRole",
      status: "missing",
      detail: `Could not assume ${account.roleArn}: ${detail}`,
      fix: `Create the role ${roleNameOf(account.roleArn)} in ${account.accountId} from the template on its account page: its trust policy must name the portal's identity with the condition sts:ExternalId = ${account.externalId}.`,
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
    if (!clients) return { action, status: "not_checked", detail: "Skipped: the role could not be assumed." };
    if (!granting.some(probeable)) {
      return {
        action,
        status: "not_checked",
        detail: "Granted only under a condition (Gatehouse's tag, the creating call); checked when first used.",
      };
    }
    if (!probe) return { action, status: "not_checked", detail: unprobedReason(action) };
    const { verdict, detail } = await probePermission(probe.kind, () => probe.call(clients, target));
    return verdict === "denied"
      ? {
          action,
          status: "missing",
          detail,
          fix: `Add "${action}" to the role's policy (statement ${sid}), or update the stack with the current template.`,
        }
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
  if (!account) throw new AppError("NOT_FOUND", "No such account.");
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

function unprobedReason(action: string): string {
  if (action.startsWith("ec2:")) return "An EC2 DryRun of this action needs a real resource; checked when first used.";
  if (action.startsWith("elasticloadbalancing:") || action.startsWith("apigateway:"))
    return "AWS offers no dry run for this action; checked when first used.";
  return "Not probed in advance (IAM and Route 53 have no dry run); checked when first used.";
}
