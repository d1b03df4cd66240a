"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ExposureMap } from "./exposure-map";
import { noFilters, type Filters } from "./map-filters";
import { PlatformOverview } from "./platform-overview";
import { useTopology } from "./use-topology";
import type { PlatformMapResponse } from "@/lib/topology/load-platform-map";

const detailUrl = (groups: readonly string[]) =>
  `/api/topology?view=detail&${groups.map((group) => `group=${encodeURIComponent(group)}`).join("&")}`;

/**
 * Every active and in-flight exposure. A small map comes whole and is drawn in full; a large one comes as an overview
 * per hub and application account (or remote network), and zooming into its cards (or selecting one) loads and draws
 * the detail of the groups in view. The filters stay as they are between the two.
 */
export function PlatformMap() {
  const t = useTranslations("topologyMap");
  const { data, error, isPending } = useTopology<PlatformMapResponse>(["topology", "platform"], "/api/topology", 5_000);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [detail, setDetail] = useState<string[]>();

  if (error) return <p className="alert">{error.message}</p>;
  if (isPending) return <p aria-live="polite">{t("loading")}</p>;
  if (data.view !== "summary")
    return (
      <div className="platform-map" data-view="full">
        <ExposureMap data={data} filters={filters} onFilters={setFilters} />
      </div>
    );
  return detail ? (
    <GroupDetail groups={detail} filters={filters} onFilters={setFilters} onBack={() => setDetail(undefined)} />
  ) : (
    <div className="platform-map" data-view="summary">
      <PlatformOverview groups={data.groups} filters={filters} onFilters={setFilters} onOpen={setDetail} />
    </div>
  );
}

type GroupDetailProps = {
  groups: readonly string[];
  filters: Filters;
  onFilters: (filters: Filters) => void;
  onBack: () => void;
};

function GroupDetail({ groups, filters, onFilters, onBack }: GroupDetailProps) {
  const t = useTranslations("topologyMap");
  const { data, error } = useTopology<PlatformMapResponse>(
    ["topology", "platform", ...groups],
    detailUrl(groups),
    5_000,
  );
  const back = (
    <button type="button" className="button" onClick={onBack}>
      {t("backToOverview")}
    </button>
  );
  if (error)
    return (
      <>
        {back}
        <p className="alert">{error.message}</p>
      </>
    );
  if (!data || data.view === "summary") return <p aria-live="polite">{t("loading")}</p>;
  return (
    <div className="platform-map" data-view="detail">
      <ExposureMap data={data} filters={filters} onFilters={onFilters} lead={back} />
    </div>
  );
}
