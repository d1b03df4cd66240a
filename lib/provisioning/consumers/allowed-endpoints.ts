import { accountRootArn } from "@/lib/aws/partition";

// The VPC endpoints an exposure's resource policy allows, from every source: the hub's own endpoint, the list platform
// admins keep (consumer-endpoints.ts), and the approved access grants of consumer teams (lib/access). The reconcile
// writes exactly this list and the verify expects exactly this list.

/** What a request must be loaded with (Prisma `include`) for allowedVpcEndpointIds. */
export const allowedEndpointSources = {
  consumerEndpoints: true,
  accessGrants: {
    where: { status: "approved" },
    select: { vpcEndpointId: true, principals: true, consumerAccount: { select: { accountId: true } } },
  },
} as const;

export function allowedVpcEndpointIds(request: {
  hub: { executeApiEndpointId: string };
  consumerEndpoints: { vpcEndpointIds: string[] } | null;
  accessGrants: { vpcEndpointId: string }[];
}): string[] {
  return [
    ...new Set([
      request.hub.executeApiEndpointId,
      ...(request.consumerEndpoints?.vpcEndpointIds ?? []),
      ...request.accessGrants.map((grant) => grant.vpcEndpointId),
    ]),
  ].sort();
}

/**
 * The UpdateRestApi operations that associate every allowed endpoint with the private API and dissociate the others:
 * the Route 53 alias `{api}-{vpce}.execute-api.{region}.amazonaws.com` answers only for associated endpoints (API
 * Gateway developer guide, "Associate or disassociate a VPC endpoint with a private REST API").
 */
export function associationPatch(associated: readonly string[], allowed: readonly string[]) {
  const wanted = new Set(allowed);
  const live = new Set(associated);
  return [
    ...allowed.filter((id) => !live.has(id)).map((value) => ({ op: "add" as const, value })),
    ...associated.filter((id) => !wanted.has(id)).map((value) => ({ op: "remove" as const, value })),
  ].map((operation) => ({ ...operation, path: "/endpointConfiguration/vpcEndpointIds" }));
}

/**
 * For an API whose methods use AWS_IAM: the principals its resource policy lets invoke it, the platform account's root
 * (the owner's own callers) and, per approved grant, the role ARNs or account roots the access request named, or the
 * consumer account's root when it named none.
 */
export function iamPrincipalsOf(request: {
  hub: { region: string; account: { accountId: string } };
  accessGrants: { principals: string[]; consumerAccount: { accountId: string } }[];
}): string[] {
  const root = (accountId: string) => accountRootArn(request.hub.region, accountId);
  return [
    ...new Set([
      root(request.hub.account.accountId),
      ...request.accessGrants.flatMap((grant) =>
        grant.principals.length > 0 ? grant.principals : [root(grant.consumerAccount.accountId)],
      ),
    ]),
  ].sort();
}
