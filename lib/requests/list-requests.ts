import { visibleRequestsWhere } from "./request-permissions";
import type { RequestFilter } from "./request-schemas";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// "My requests": the requests of the user's teams (every request for an admin), newest first, searchable by API
// name, id, network or account, and filterable by status.

export type RequestListItem = {
  id: string;
  apiName: string;
  stageName: string;
  scenario: "cross_account_nlb" | "remote_network";
  source: string;
  status: string;
  teamName: string;
  requesterName: string;
  createdAt: string;
};

export async function listRequests(db: Db, user: CurrentUser, filter: RequestFilter): Promise<RequestListItem[]> {
  const search: Prisma.ExposureRequestWhereInput = filter.q
    ? {
        OR: [
          { apiName: { contains: filter.q, mode: "insensitive" } },
          { id: filter.q },
          { remoteNetworkName: { contains: filter.q, mode: "insensitive" } },
          { sourceAccountId: filter.q },
          { loadBalancerArn: { contains: filter.q, mode: "insensitive" } },
        ],
      }
    : {};
  const requests = await db.exposureRequest.findMany({
    where: { AND: [visibleRequestsWhere(user), search, filter.status ? { status: filter.status } : {}] },
    // Only the columns a row shows: a list of 200 carries no justifications, plans or catalog texts.
    select: {
      id: true,
      apiName: true,
      stageName: true,
      scenario: true,
      loadBalancerArn: true,
      sourceAccountId: true,
      port: true,
      remoteNetworkName: true,
      remoteIps: true,
      status: true,
      createdAt: true,
      team: { select: { name: true } },
      requester: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return requests.map((request) => ({
    id: request.id,
    apiName: request.apiName,
    stageName: request.stageName,
    scenario: request.scenario,
    source:
      request.scenario === "cross_account_nlb"
        ? `${request.loadBalancerArn?.split("/")[2] ?? "NLB"} in ${request.sourceAccountId ?? "?"} :${request.port}`
        : `${request.remoteNetworkName ?? "network"} ${request.remoteIps.join(", ")} :${request.port}`,
    status: request.status,
    teamName: request.team.name,
    requesterName: request.requester.name,
    createdAt: request.createdAt.toISOString(),
  }));
}
