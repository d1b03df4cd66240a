import {
  approvalsStillNeeded,
  curlExample,
  endpointInvokeUrl,
  maySeeGrant,
  mayRevoke,
  refusalToDecide,
  signedCurlExample,
} from "./access-rules";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AccessGrantStatus, Prisma } from "@/lib/generated/prisma/client";

// Grants as each side sees them: the owning team on the exposure (who consumes, since when, until when) and the
// consumer team on its own page, with the invoke URL through its endpoint once the grant is approved.

export type AccessGrantView = {
  id: string;
  requestId: string;
  apiName: string;
  stageName: string;
  owningTeam: string;
  consumerTeam: string;
  account: { accountId: string; alias: string };
  vpcEndpointId: string;
  vpcId: string;
  privateDnsEnabled: boolean;
  justification: string;
  principals: string[];
  status: AccessGrantStatus;
  stillNeeded: string[];
  requestedBy: string;
  requestedAt: string;
  approvedAt: string | null;
  endsAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  invokeUrl: string | null;
  /** The call to copy: plain, or signed with SigV4 when the API uses AWS_IAM. */
  curl: string | null;
  authorization: "none" | "AWS_IAM";
  mayDecide: boolean;
  mayRevoke: boolean;
};

const grantDetails = {
  request: { include: { team: true, hub: true, resources: { where: { kind: "rest-api" } } } },
  consumerTeam: true,
  consumerAccount: true,
} as const;

type GrantWithDetails = Prisma.AccessGrantGetPayload<{ include: typeof grantDetails }>;

function grantView(user: CurrentUser, grant: GrantWithDetails): AccessGrantView {
  const exposure = grant.request;
  const restApiId = exposure.resources[0]?.identifier;
  const invokeUrl =
    grant.status === "approved" && restApiId
      ? endpointInvokeUrl({
          restApiId,
          vpcEndpointId: grant.vpcEndpointId,
          region: exposure.hub.region,
          stageName: exposure.stageName,
        })
      : null;
  const open = grant.status === "pending" || grant.status === "approved";
  return {
    id: grant.id,
    requestId: exposure.id,
    apiName: exposure.apiName,
    stageName: exposure.stageName,
    owningTeam: exposure.team.name,
    consumerTeam: grant.consumerTeam.name,
    account: { accountId: grant.consumerAccount.accountId, alias: grant.consumerAccount.alias },
    vpcEndpointId: grant.vpcEndpointId,
    vpcId: grant.vpcId,
    privateDnsEnabled: grant.privateDnsEnabled,
    justification: grant.justification,
    principals: grant.principals,
    status: grant.status,
    stillNeeded: grant.status === "pending" ? approvalsStillNeeded(grant) : [],
    requestedBy: grant.requestedByLabel,
    requestedAt: grant.requestedAt.toISOString(),
    approvedAt: grant.approvedAt?.toISOString() ?? null,
    endsAt: grant.endsAt?.toISOString() ?? null,
    closedBy: grant.closedByLabel,
    closedAt: grant.closedAt?.toISOString() ?? null,
    invokeUrl,
    curl: !invokeUrl
      ? null
      : exposure.authorization === "AWS_IAM"
        ? signedCurlExample(invokeUrl, exposure.hub.region)
        : curlExample(invokeUrl),
    authorization: exposure.authorization,
    mayDecide: grant.status === "pending" && refusalToDecide(user, grant, exposure.teamId) === null,
    mayRevoke: open && mayRevoke(user, grant, exposure.teamId),
  };
}

/** The grants of one exposure, newest first, for members of the owning team, consumers (their own) and admins. */
export async function listGrantsOfExposure(db: Db, user: CurrentUser, requestId: string): Promise<AccessGrantView[]> {
  const exposure = await db.exposureRequest.findUnique({ where: { id: requestId }, select: { teamId: true } });
  if (!exposure) throw new AppError("NOT_FOUND", { key: "errors.access.exposureNotFound", values: { requestId } });
  const grants = await db.accessGrant.findMany({
    where: { requestId },
    include: grantDetails,
    orderBy: { requestedAt: "desc" },
  });
  return grants.filter((grant) => maySeeGrant(user, grant, exposure.teamId)).map((grant) => grantView(user, grant));
}

/** The grants the user's teams hold as consumers, newest first. */
export async function listGrantsOfMyTeams(db: Db, user: CurrentUser): Promise<AccessGrantView[]> {
  const grants = await db.accessGrant.findMany({
    where: { consumerTeamId: { in: user.memberships.map((membership) => membership.teamId) } },
    include: grantDetails,
    orderBy: { requestedAt: "desc" },
  });
  return grants.map((grant) => grantView(user, grant));
}
