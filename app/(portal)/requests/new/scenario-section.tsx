import { useTranslations } from "next-intl";
import styles from "../requests.module.css";
import type { Draft } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import { Choice, FieldGroup } from "@/components/form-field";

const scenarios: Draft["scenario"][] = ["cross_account_nlb", "remote_network"];

export function ScenarioSection({ form }: { form: DraftForm }) {
  const t = useTranslations("wizard.scenario");
  return (
    <FieldGroup id="scenario" legend={t("legend")}>
      {scenarios.map((value) => (
        <Choice
          key={value}
          type="radio"
          name="scenario"
          checked={form.draft.scenario === value}
          onChange={() => form.update({ scenario: value })}
        >
          <span className={styles.option}>
            {t(`${value}.title`)}
            <small>{t(`${value}.detail`)}</small>
          </span>
        </Choice>
      ))}
    </FieldGroup>
  );
}
