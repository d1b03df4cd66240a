import { aggregatePlatform, type MapGroup } from "./aggregate-platform";
import { inFlightStatuses } from "./exposure-facts";
import { loadFacts, platformMapWhere } from "./load-exposure-facts";
import { loadPlatformTopology, type TopologyResponse } from "./load-topology";
import { detailGroupsWhere, type DetailGroup } from "./platform-map-query";
import { cachedTopology, type EncodedTopology } from "./topology-cache";
import { seesEveryExposure } from "./topology-scope";
import { readTopologyVersion } from "./topology-version";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";

// The platform map as the API sends it. A small map is sent whole, as before; a large one (thousands of exposures,
// megabytes of graph) is sent as an aggregate per hub and application side, and the page asks for the detail of the
// groups it zooms into. Every answer is cached per viewer scope and language under the topology's version stamp.

/** Up to this many exposures (about 650 kB of graph) the map is sent whole and drawn as before. */
export const fullMapUpTo = 100;

export type PlatformMapResponse =
  | ({ view: "full" | "detail" } & TopologyResponse)
  | { view: "summary"; groups: MapGroup[]; exposureCount: number; inFlight: boolean };

/** Viewers with the same scope see the same map, so they share its cache entry. */
function scopeKey(viewer: CurrentUser): string {
  return seesEveryExposure(viewer)
    ? "all"
    : [...new Set(viewer.memberships.map((membership) => membership.teamId))].sort().join(",");
}

async function buildMap(db: Db, viewer: CurrentUser, locale: Locale): Promise<PlatformMapResponse> {
  const exposureCount = await db.exposureRequest.count({ where: platformMapWhere(viewer) });
  if (exposureCount <= fullMapUpTo)
    return { view: "full", ...(await loadPlatformTopology(db, viewer, undefined, locale)) };
  const { facts } = await loadFacts(db, platformMapWhere(viewer));
  return {
    view: "summary",
    groups: aggregatePlatform(facts),
    exposureCount: facts.length,
    inFlight: facts.some((one) => inFlightStatuses.includes(one.request.status)),
  };
}

export async function loadPlatformMap(db: Db, viewer: CurrentUser, locale: Locale): Promise<EncodedTopology> {
  const version = await readTopologyVersion(db);
  return cachedTopology(`${scopeKey(viewer)}|${locale}|map`, version, () => buildMap(db, viewer, locale));
}

export async function loadPlatformDetail(
  db: Db,
  viewer: CurrentUser,
  groups: readonly DetailGroup[],
  locale: Locale,
): Promise<EncodedTopology> {
  const version = await readTopologyVersion(db);
  const groupIds = [...new Set(groups.map((group) => group.id))].sort().join("\n");
  return cachedTopology(`${scopeKey(viewer)}|${locale}|detail|${groupIds}`, version, async () => ({
    view: "detail",
    ...(await loadPlatformTopology(db, viewer, detailGroupsWhere(groups), locale)),
  }));
}
