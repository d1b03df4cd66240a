import styles from "../requests.module.css";
import type { Draft } from "./request-draft";
import type { DraftForm } from "./use-draft-form";

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
    <fieldset className={styles.fieldset}>
      <legend>Where does the service run?</legend>
      {scenarios.map(({ value, title, detail }) => (
        <label key={value} className={styles.choice}>
          <input
            type="radio"
            name="scenario"
            checked={form.draft.scenario === value}
            onChange={() => form.update({ scenario: value })}
          />
          <span>
            {title}
            <small>{detail}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
