import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import { dnsSuffixForRegion } from "@/lib/aws/partition";
import type { AccessGrant } from "@/lib/generated/prisma/client";
import type { Translatable } from "@/lib/i18n/translatable";

// Who may ask for, decide on and revoke access to an exposure, and what an approved grant gives the consumer: pure
// functions of the user's memberships and the grant, so the routes, the pages and the tests agree.

const requesterOf = (user: CurrentUser, teamId: string) =>
  user.memberships.some((membership) => membership.teamId === teamId && membership.role === "requester");

/** A requester of the consumer team asks for access on its behalf. */
export function mayRequestAccessFor(user: CurrentUser, consumerTeamId: string): boolean {
  return requesterOf(user, consumerTeamId);
}

/** Why `user` may not decide on `grant` of an exposure owned by `owningTeamId`, or null when they may (four-eyes). */
export function refusalToDecide(
  user: CurrentUser,
  grant: Pick<AccessGrant, "requestedById">,
  owningTeamId: string,
): Translatable | null {
  if (!requesterOf(user, owningTeamId) && !isPlatformAdmin(user)) return { key: "errors.access.notDecider" };
  if (grant.requestedById === user.id) return { key: "errors.access.ownRequest" };
  return null;
}

/** Either side may take access back: the consumer team, the owning team, or a platform admin. */
export function mayRevoke(user: CurrentUser, grant: Pick<AccessGrant, "consumerTeamId">, owningTeamId: string) {
  return requesterOf(user, grant.consumerTeamId) || requesterOf(user, owningTeamId) || isPlatformAdmin(user);
}

/** Whether a viewer sees the grant: a member of either team, or a platform admin. */
export function maySeeGrant(user: CurrentUser, grant: Pick<AccessGrant, "consumerTeamId">, owningTeamId: string) {
  const member = (teamId: string) => user.memberships.some((membership) => membership.teamId === teamId);
  return member(grant.consumerTeamId) || member(owningTeamId) || isPlatformAdmin(user);
}

export type ApprovalState = Pick<AccessGrant, "ownerApprovedById" | "adminApprovedById" | "ownerRegistered">;

/**
 * The approvals a grant still waits for. The owning team always decides (a platform admin may decide in its place);
 * an endpoint no registered account owns opens the API outside the organisation, so it also needs a platform admin.
 */
export function approvalsStillNeeded(grant: ApprovalState): ("owner" | "platform admin")[] {
  const needed: ("owner" | "platform admin")[] = [];
  if (!grant.ownerApprovedById && !grant.adminApprovedById) needed.push("owner");
  if (!grant.ownerRegistered && !grant.adminApprovedById) needed.push("platform admin");
  return needed;
}

/**
 * The invoke URL of a private API through one specific VPC endpoint (the endpoint-specific public DNS name; works
 * with private DNS on or off). API Gateway developer guide, "Invoking a private API": `https://{rest-api-id}-{vpce-id}
 * .execute-api.{region}.vpce.amazonaws.com` is the endpoint's DNS name with the Host header; the Route 53 alias form
 * `{rest-api-id}-{vpce-id}.execute-api.{region}.amazonaws.com` is the one used here, partition aware.
 */
export function endpointInvokeUrl(input: {
  restApiId: string;
  vpcEndpointId: string;
  region: string;
  stageName: string;
}): string {
  const { restApiId, vpcEndpointId, region, stageName } = input;
  return `https://${restApiId}-${vpcEndpointId}.execute-api.${region}.${dnsSuffixForRegion(region)}/${stageName}`;
}

/** A curl a consumer copies into a shell inside the VPC of their endpoint. */
export function curlExample(invokeUrl: string): string {
  return `curl -sS '${invokeUrl}/'`;
}

/**
 * A SigV4-signed call for an API whose methods use AWS_IAM, with curl's own signer (`--aws-sigv4`, curl 7.75+): the
 * caller's credentials from the environment, the session token for a role's temporary credentials.
 */
export function signedCurlExample(invokeUrl: string, region: string): string {
  return [
    `curl -sS --aws-sigv4 'aws:amz:${region}:execute-api'`,
    `--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`,
    `-H "x-amz-security-token: $AWS_SESSION_TOKEN"`,
    `'${invokeUrl}/'`,
  ].join(" \\\n  ");
}
