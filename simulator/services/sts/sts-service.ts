import { randomBytes } from "node:crypto";
import { AwsError } from "../../core/aws-error";
import type { CallContext, QueryService } from "../../core/service";
import type { AccessKey } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { awsQueryErrors } from "../query-errors";

// STS: who am I, and AssumeRole with trust and ExternalId checks as IAM evaluates them.

const externalIdPattern = /^[\w+=,.@:/-]{2,1224}$/;
const sessionNamePattern = /^[\w+=,.@-]{2,64}$/;

/**
 * The ARNs a trust policy may name to match this caller, as IAM evaluates them: the caller itself, its account root,
 * and for an assumed-role session the role it came from.
 */
export function principalArnsOf(callerArn: string, accountId: string): string[] {
  const partition = callerArn.split(":")[1] ?? "aws";
  const arns = [callerArn, `arn:${partition}:iam::${accountId}:root`];
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn);
  if (session) arns.push(`arn:${partition}:iam::${session[1]}:role/${session[2]}`);
  return arns;
}

function getCallerIdentity(context: CallContext) {
  return {
    UserId: context.caller.accessKeyId,
    Account: context.caller.accountId,
    Arn: context.caller.arn,
  };
}

function assumeRole(context: CallContext, params: QueryParams) {
  const roleArn = params.required("RoleArn");
  const sessionName = params.required("RoleSessionName");
  const externalId = params.string("ExternalId");
  const durationSeconds = params.number("DurationSeconds") ?? 3600;
  if (!sessionNamePattern.test(sessionName)) {
    throw new AwsError(
      "ValidationError",
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  if (externalId !== undefined && !externalIdPattern.test(externalId)) {
    throw new AwsError(
      "ValidationError",
      `1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*`,
    );
  }
  const role = context.world.data.roles[roleArn];
  const denied = () =>
    new AwsError(
      "AccessDenied",
      `User: ${context.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  if (!role) throw denied();
  const callerPrincipals = principalArnsOf(context.caller.arn, context.caller.accountId);
  const trusted = role.trustedPrincipals.some((principal) => callerPrincipals.includes(principal));
  if (!trusted) throw denied();
  if (role.externalId !== undefined && role.externalId !== externalId) throw denied();
  const chained = context.caller.sessionToken !== undefined;
  const maxSeconds = chained ? 3600 : role.maxSessionSeconds;
  if (durationSeconds < 900 || durationSeconds > maxSeconds) {
    throw new AwsError(
      "ValidationError",
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
    );
  }
  const expiresAt = context.now + durationSeconds * 1000;
  const partition = roleArn.split(":")[1] ?? "aws";
  const key: AccessKey = {
    accessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(48).toString("base64"),
    expiresAt,
    accountId: role.accountId,
    arn: `arn:${partition}:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
    policies: role.policies,
  };
  context.world.data.accessKeys[key.accessKeyId] = key;
  return {
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.sessionToken,
      Expiration: new Date(expiresAt),
    },
    AssumedRoleUser: { AssumedRoleId: `AROA${role.name.toUpperCase().slice(0, 12)}:${sessionName}`, Arn: key.arn },
    PackedPolicySize: 0,
  };
}

export const stsService: QueryService = {
  protocol: "awsQuery",
  signingName: "sts",
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  errors: awsQueryErrors({ throttleCode: "Throttling" }),
  operations: {
    // GetCallerIdentity needs no permission in IAM.
    GetCallerIdentity: { action: null, handle: getCallerIdentity },
    AssumeRole: { action: "sts:AssumeRole", handle: assumeRole },
  },
  authorization: {
    AssumeRole: (_context, params) => [{ action: "sts:AssumeRole", resource: params.string("RoleArn") ?? "*" }],
  },
};
