import styles from "../requests.module.css";
import type { Draft } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import { Choice, FieldGroup } from "@/components/form-field";

const scenarios: { value: Draft["scenario"]; title: string; detail: string }[] = [
  {
    value: "cross_account_nlb",
    title: "Service in my AWS account",
    detail: "Behind an internal network load balancer (for example an EKS service).",
  },
  {
    value: "remote_network",
    title: "Service in another network by IP",
    detail: "A data centre or another region, reached from the hub over a transit gateway or Direct Connect.",
  },
];

export function ScenarioSection({ form }: { form: DraftForm }) {
  return (
    <FieldGroup id="scenario" legend="Where does the service run?">
      {scenarios.map(({ value, title, detail }) => (
        <Choice
          key={value}
          type="radio"
          name="scenario"
          checked={form.draft.scenario === value}
          onChange={() => form.update({ scenario: value })}
        >
          <span className={styles.option}>
            {title}
            <small>{detail}</small>
          </span>
        </Choice>
      ))}
    </FieldGroup>
  );
}
