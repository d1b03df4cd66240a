"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useStatusWord } from "@/components/use-status-word";

// The platform map's filters, shared by the whole map, the aggregate overview and a group's detail: each narrows the
// exposures to those whose `pick` is the chosen value.

/** What the filters pick by: an exposure's summary, or one cell of the aggregate with its group's account. */
export type FilterFacts = { teamName: string; accountId: string | null; status: string; scenario: string };
export type Filters = { team: string; account: string; status: string; scenario: string };
export const noFilters: Filters = { team: "", account: "", status: "", scenario: "" };

/** The map's filters, in the order shown; each is labelled by `topologyMap.filters.<key>`. */
const filterFields: {
  key: keyof Filters;
  pick: (facts: FilterFacts) => string | null;
  words?: "status" | "scenario";
}[] = [
  { key: "team", pick: (facts) => facts.teamName },
  { key: "account", pick: (facts) => facts.accountId },
  { key: "status", pick: (facts) => facts.status, words: "status" },
  { key: "scenario", pick: (facts) => facts.scenario, words: "scenario" },
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
  const t = useTranslations("topologyMap");
  const statusWord = useStatusWord();
  // A status or scenario option in words when the catalogue has them, else the value itself (a team, an account).
  const labelOf = (words: "status" | "scenario" | undefined, value: string): string => {
    if (words === "status") return statusWord(value);
    if (words === "scenario") {
      const key = `scenarios.${value}` as "scenarios.remote_network";
      return t.has(key) ? t(key) : value;
    }
    return value;
  };
  return (
    <div className="filters">
      {filterFields.map(({ key, pick, words }) => (
        <label key={key}>
          {t(`filters.${key}`)}
          <select value={filters[key]} onChange={(event) => onChange({ ...filters, [key]: event.target.value })}>
            <option value="">{t("filters.all")}</option>
            {distinct(options, pick).map((value) => (
              <option key={value} value={value}>
                {labelOf(words, value)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {children}
    </div>
  );
}
