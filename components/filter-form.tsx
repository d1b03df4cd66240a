import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// The filter bar above a list page: a plain GET form, so a filter is a URL that can be shared and the page works
// without JavaScript.

export function FilterForm({ label, children, actions }: { label: string; children: ReactNode; actions?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <form className="filters" method="get" role="search" aria-label={label}>
      {children}
      <button type="submit" className="button">
        {t("filter")}
      </button>
      {actions}
    </form>
  );
}

export type FilterOption = { value: string; label: string };

/** A labelled select whose first option (value "") means "no filter". */
export function FilterSelect(props: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly FilterOption[];
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
