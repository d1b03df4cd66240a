"use client";

import { useMemo, useState, type FormEvent } from "react";
import { TopologyCanvas } from "./topology-canvas";
import { useTopology } from "./use-topology";
import { filterGraph, searchNodes } from "@/lib/topology/filter-graph";
import type { ExposureSummary } from "@/lib/topology/load-topology";

type Filters = { team: string; account: string; status: string; scenario: string };

const scenarioLabels: Record<string, string> = {
  cross_account_nlb: "Cross-account NLB",
  remote_network: "Other network by IP",
};

/** The map's filters, in the order shown: each narrows the exposures to those whose `pick` is the chosen value. */
const filterFields: {
  key: keyof Filters;
  label: string;
  pick: (exposure: ExposureSummary) => string | null;
  labelOf?: (value: string) => string;
}[] = [
  { key: "team", label: "Team", pick: (exposure) => exposure.teamName },
  { key: "account", label: "Account", pick: (exposure) => exposure.accountId },
  { key: "status", label: "Status", pick: (exposure) => exposure.status },
  {
    key: "scenario",
    label: "Scenario",
    pick: (exposure) => exposure.scenario,
    labelOf: (value) => scenarioLabels[value] ?? value,
  },
];

const distinct = (exposures: ExposureSummary[], pick: (exposure: ExposureSummary) => string | null) =>
  [...new Set(exposures.map(pick).filter((value): value is string => Boolean(value)))].sort();

/** Every active and in-flight exposure on one canvas, with filters and a search that centres on what it finds. */
export function PlatformMap() {
  const { data, error, isPending } = useTopology();
  const [filters, setFilters] = useState<Filters>({ team: "", account: "", status: "", scenario: "" });
  const [query, setQuery] = useState("");
  const [focus, setFocus] = useState<{ id?: string; message?: string }>({});

  const graph = useMemo(() => {
    if (!data) return undefined;
    const shown = data.exposures.filter((exposure) =>
      filterFields.every(({ key, pick }) => !filters[key] || pick(exposure) === filters[key]),
    );
    return filterGraph(data.graph, new Set(shown.map((exposure) => exposure.requestId)));
  }, [data, filters]);

  if (error) return <p className="alert">{error.message}</p>;
  if (isPending || !graph) return <p aria-live="polite">Loading the platform map…</p>;

  const select = (
    key: keyof Filters,
    label: string,
    values: string[],
    labelOf: (value: string) => string = (value) => value,
  ) => (
    <label key={key}>
      {label}
      <select value={filters[key]} onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}>
        <option value="">All</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {labelOf(value)}
          </option>
        ))}
      </select>
    </label>
  );
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const [found] = searchNodes(graph, query);
    setFocus(found ? { id: found.id, message: `Found ${found.label}.` } : { message: `Nothing matches “${query}”.` });
  };

  return (
    <>
      <div className="filters">
        {filterFields.map(({ key, label, pick, labelOf }) =>
          select(key, label, distinct(data.exposures, pick), labelOf),
        )}
        <form role="search" onSubmit={onSearch} className="topology-search">
          <label>
            Find a resource
            <input
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Name, ID or ARN"
            />
          </label>
          <button type="submit" className="button">
            Find
          </button>
        </form>
        <span aria-live="polite" className="topology-search-result">
          {focus.message}
        </span>
      </div>
      {data.exposures.length === 0 ? (
        <p className="empty">No active or in-flight exposures yet.</p>
      ) : (
        <TopologyCanvas graph={graph} title="Platform map" arrangement="rows" minimap focusNodeId={focus.id} />
      )}
    </>
  );
}
