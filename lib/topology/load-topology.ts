import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import {
  chainCheckFactSchema,
  inFlightStatuses,
  mappedStatuses,
  stepFactSchema,
  type ExposureFacts,
} from "./exposure-facts";
import type { TopologyGraph } from "./model";
import { topologyScopeWhere } from "./topology-scope";
import { wordsIn } from "./words-in";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import type { Prisma } from "@/lib/generated/prisma/client";

// Reads exposures with their hub, latest provisioning run, recorded resources and latest verify, and turns them into
// the plain facts the pure model draws from. Only the exposures in the viewer's scope are read, so the graph built
// from them holds nothing of another team's chain (topology-scope.ts). The graph is drawn in the reader's language.

export type ExposureSummary = {
  requestId: string;
  apiName: string;
  teamId: string;
  teamName: string;
  accountId: string | null;
  status: string;
  scenario: string;
};

export type TopologyResponse = {
  graph: TopologyGraph;
  exposures: ExposureSummary[];
  /** True while a shown chain is still changing: clients poll. */
  inFlight: boolean;
};

const include = {
  team: true,
  hub: { include: { account: true } },
  runs: { where: { kind: "provision" }, orderBy: { createdAt: "desc" }, take: 1, include: { steps: true } },
  resources: true,
  checks: { orderBy: { checkedAt: "desc" }, take: 1 },
} satisfies Prisma.ExposureRequestInclude;

type LoadedRequest = Prisma.ExposureRequestGetPayload<{ include: typeof include }>;

function factsOf(request: LoadedRequest, aliases: Map<string, string>): ExposureFacts {
  const { hub } = request;
  const check = request.checks[0];
  return {
    request: {
      ...request,
      teamName: request.team.name,
      sourceAccountAlias: request.sourceAccountId ? aliases.get(request.sourceAccountId) : null,
    },
    hub: { ...hub, accountId: hub.account.accountId, accountAlias: hub.account.alias },
    steps: (request.runs[0]?.steps ?? []).map((step) =>
      stepFactSchema.parse({ ...step, finishedAt: step.finishedAt?.toISOString() }),
    ),
    resources: request.resources.map((resource) => ({ ...resource, deletedAt: resource.deletedAt?.toISOString() })),
    latestCheck: check ? chainCheckFactSchema.parse({ ...check, checkedAt: check.checkedAt.toISOString() }) : null,
  };
}

async function loadFacts(
  db: Db,
  where: Prisma.ExposureRequestWhereInput,
): Promise<{ facts: ExposureFacts[]; summaries: ExposureSummary[] }> {
  const [requests, accounts] = await Promise.all([
    db.exposureRequest.findMany({ where, include, orderBy: { createdAt: "asc" } }),
    db.awsAccount.findMany({ select: { accountId: true, alias: true } }),
  ]);
  const aliases = new Map(accounts.map((account) => [account.accountId, account.alias]));
  return {
    facts: requests.map((request) => factsOf(request, aliases)),
    summaries: requests.map((request) => ({
      requestId: request.id,
      apiName: request.apiName,
      teamId: request.teamId,
      teamName: request.team.name,
      accountId: request.sourceAccountId,
      status: request.status,
      scenario: request.scenario,
    })),
  };
}

export async function loadRequestTopology(
  db: Db,
  viewer: CurrentUser,
  requestId: string,
  locale: Locale = defaultLocale,
): Promise<TopologyResponse> {
  const { facts, summaries } = await loadFacts(db, { AND: [{ id: requestId }, topologyScopeWhere(viewer)] });
  const [one] = facts;
  if (!one) throw new AppError("NOT_FOUND", { key: "errors.topology.requestNotFound", values: { requestId } });
  return {
    graph: buildExposureTopology(one, wordsIn(locale)),
    exposures: summaries,
    inFlight: inFlightStatuses.includes(one.request.status),
  };
}

export async function loadPlatformTopology(
  db: Db,
  viewer: CurrentUser,
  locale: Locale = defaultLocale,
): Promise<TopologyResponse> {
  const { facts, summaries } = await loadFacts(db, {
    AND: [{ status: { in: mappedStatuses as LoadedRequest["status"][] } }, topologyScopeWhere(viewer)],
  });
  return {
    graph: buildPlatformTopology(facts, wordsIn(locale)),
    exposures: summaries,
    inFlight: facts.some((one) => inFlightStatuses.includes(one.request.status)),
  };
}
