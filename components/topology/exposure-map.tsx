"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { MapFilters, matchesFilters, type Filters } from "./map-filters";
import { TopologyCanvas } from "./topology-canvas";
import { filterGraph, searchNodes } from "@/lib/topology/filter-graph";
import type { TopologyResponse } from "@/lib/topology/load-topology";

type Props = {
  data: TopologyResponse;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  /** Shown before the filters (the way back to the overview). */
  lead?: ReactNode;
};

/** Exposures drawn in full (a small platform map, or a large one's groups in detail), filtered, with a search that
 * centres on what it finds. */
export function ExposureMap({ data, filters, onFilters, lead }: Props) {
  const t = useTranslations("topologyMap");
  const [query, setQuery] = useState("");
  const [focus, setFocus] = useState<{ id?: string; message?: string }>({});

  const graph = useMemo(() => {
    const shown = data.exposures.filter((exposure) => matchesFilters(filters, exposure));
    return filterGraph(data.graph, new Set(shown.map((exposure) => exposure.requestId)));
  }, [data, filters]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const [found] = searchNodes(graph, query);
    setFocus(
      found
        ? { id: found.id, message: t("found", { label: found.label }) }
        : { message: t("nothingMatches", { query }) },
    );
  };

  return (
    <>
      {lead}
      <MapFilters options={data.exposures} filters={filters} onChange={onFilters}>
        <form role="search" onSubmit={onSearch} className="topology-search">
          <label>
            {t("findResource")}
            <input
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={t("searchPlaceholder")}
            />
          </label>
          <button type="submit" className="button">
            {t("find")}
          </button>
        </form>
        <span aria-live="polite" className="topology-search-result">
          {focus.message}
        </span>
      </MapFilters>
      {data.exposures.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <TopologyCanvas graph={graph} title={t("canvas")} arrangement="rows" minimap focusNodeId={focus.id} />
      )}
    </>
  );
}
