import { canActOnRequest } from "@/lib/requests/request-permissions";
import { invokeUrlsOf } from "@/lib/requests/invoke-urls";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";
import type { LatestChainCheck } from "@/lib/provisioning/verify/read-latest-chain-checks";

// One API in the catalog, as every signed-in user sees it: metadata only (name, owner, description, contact, stage,
// invoke URLs, the last verify's verdict, how many consumer endpoints the resource policy allows) — never the owning
// team's runs, steps or resources. The owning team's requesters may edit the description, contact and document.

/** Exposures that answer calls: active, and active ones their team asked to retire (still serving until approved). */
export const catalogStatuses: RequestStatus[] = ["active", "decommission_pending"];

export type CatalogHealth = { healthy: boolean; checkedAt: string; brokenHop: string | null; reason: string | null };

export type CatalogEntry = {
  id: string;
  apiName: string;
  status: RequestStatus;
  team: { id: string; name: string; slug: string };
  description: string | null;
  contact: string | null;
  stage: string;
  region: string;
  invokeUrls: string[];
  health: CatalogHealth | null;
  consumers: number;
  openApiUpdatedAt: string | null;
  /** Whether the next provision builds the API from the document instead of ANY /{proxy+}. */
  buildFromOpenApi: boolean;
  canEdit: boolean;
};

export const catalogEntrySelect = {
  id: true,
  apiName: true,
  status: true,
  stageName: true,
  teamId: true,
  catalogDescription: true,
  catalogContact: true,
  openApiUpdatedAt: true,
  buildFromOpenApi: true,
  team: { select: { id: true, name: true, slug: true } },
  hub: { select: { region: true } },
  consumerEndpoints: { select: { vpcEndpointIds: true } },
  runs: {
    where: { kind: { in: ["provision", "move"] } },
    orderBy: { createdAt: "asc" },
    select: {
      kind: true,
      steps: { where: { stepId: "restApi.deploy" }, select: { stepId: true, status: true, outputs: true } },
    },
  },
} satisfies Prisma.ExposureRequestSelect;

export type CatalogRow = Prisma.ExposureRequestGetPayload<{ select: typeof catalogEntrySelect }>;

/** The entry of a row, with its chain's latest check (read-latest-chain-checks.ts). */
export function catalogEntryOf(
  row: CatalogRow,
  viewer: CurrentUser,
  check: LatestChainCheck | undefined,
): CatalogEntry {
  return {
    id: row.id,
    apiName: row.apiName,
    status: row.status,
    team: row.team,
    description: row.catalogDescription,
    contact: row.catalogContact,
    stage: row.stageName,
    region: row.hub.region,
    invokeUrls: invokeUrlsOf(row.runs),
    health: check
      ? {
          healthy: check.healthy,
          checkedAt: check.checkedAt.toISOString(),
          brokenHop: check.brokenHop,
          reason: check.reason,
        }
      : null,
    consumers: row.consumerEndpoints?.vpcEndpointIds.length ?? 0,
    openApiUpdatedAt: row.openApiUpdatedAt?.toISOString() ?? null,
    buildFromOpenApi: row.buildFromOpenApi,
    canEdit: canActOnRequest(viewer, row),
  };
}
