"use client";

import type { ReactNode } from "react";

// The platform map's filters, shared by the whole map, the aggregate overview and a group's detail: each narrows the
// exposures to those whose `pick` is the chosen value.

/** What the filters pick by: an exposure's summary, or one cell of the aggregate with its group's account. */
export type FilterFacts = { teamName: string; accountId: string | null; status: string; scenario: string };
export type Filters = { team: string; account: string; status: string; scenario: string };
export const noFilters: Filters = { team: "", account: "", status: "", scenario: "" };

const scenarioLabels: Record<string, string> = {
  cross_account_nlb: "Cross-account NLB",
  remote_network: "Other network by IP",
};

/** The map's filters, in the order shown. */
const filterFields: {
  key: keyof Filters;
  label: string;
  pick: (facts: FilterFacts) => string | null;
  labelOf?: (value: string) => string;
}[] = [
  { key: "team", label: "Team", pick: (facts) => facts.teamName },
  { key: "account", label: "Account", pick: (facts) => facts.accountId },
  { key: "status", label: "Status", pick: (facts) => facts.status },
  {
    key: "scenario",
    label: "Scenario",
    pick: (facts) => facts.scenario,
    labelOf: (value) => scenarioLabels[value] ?? value,
  },
];

export function matchesFilters(filters: Filters, facts: FilterFacts): boolean {
  return filterFields.every(({ key, pick }) => !filters[key] || pick(facts) === filters[key]);
}

const distinct = (all: readonly FilterFacts[], pick: (facts: FilterFacts) => string | null) =>
  [...new Set(all.map(pick).filter((value): value is string => Boolean(value)))].sort();

type Props = {
  /** Every exposure (or cell) the options are drawn from. */
  options: readonly FilterFacts[];
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** More controls in the same row (search, back to the overview). */
  children?: ReactNode;
};

export function MapFilters({ options, filters, onChange, children }: Props) {
  return (
    <div className="filters">
      {filterFields.map(({ key, label, pick, labelOf = (value) => value }) => (
        <label key={key}>
          {label}
          <select value={filters[key]} onChange={(event) => onChange({ ...filters, [key]: event.target.value })}>
            <option value="">All</option>
            {distinct(options, pick).map((value) => (
              <option key={value} value={value}>
                {labelOf(value)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {children}
    </div>
  );
}
