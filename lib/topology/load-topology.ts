import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import { inFlightStatuses } from "./exposure-facts";
import { loadFacts, platformMapWhere, type ExposureSummary } from "./load-exposure-facts";
import type { TopologyGraph } from "./model";
import { topologyScopeWhere } from "./topology-scope";
import { wordsIn } from "./words-in";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

// A request's chain and the platform map as graphs, from the facts of the exposures in the viewer's scope
// (load-exposure-facts.ts), drawn in the reader's language.

export type TopologyResponse = {
  graph: TopologyGraph;
  exposures: ExposureSummary[];
  /** True while a shown chain is still changing: clients poll. */
  inFlight: boolean;
};

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
  narrow?: Prisma.ExposureRequestWhereInput,
  locale: Locale = defaultLocale,
): Promise<TopologyResponse> {
  const { facts, summaries } = await loadFacts(db, platformMapWhere(viewer, narrow));
  return {
    graph: buildPlatformTopology(facts, wordsIn(locale)),
    exposures: summaries,
    inFlight: facts.some((one) => inFlightStatuses.includes(one.request.status)),
  };
}
