import styles from "../requests.module.css";
import type { DraftForm } from "./use-draft-form";

export function ScenarioSection({ form }: { form: DraftForm }) {
  const { draft, update } = form;
  return (
    <fieldset className={styles.fieldset}>
      <legend>Where does the service run?</legend>
      <label className={styles.choice}>
        <input
          type="radio"
          name="scenario"
          checked={draft.scenario === "cross_account_nlb"}
          onChange={() => update({ scenario: "cross_account_nlb" })}
        />
        <span>
          Service in my AWS account
          <small>Behind an internal network load balancer (for example an EKS service).</small>
        </span>
      </label>
      <label className={styles.choice}>
        <input
          type="radio"
          name="scenario"
          checked={draft.scenario === "remote_network"}
          onChange={() => update({ scenario: "remote_network" })}
        />
        <span>
          Service in another network by IP
          <small>A data centre or another region, reached from the hub over a transit gateway or Direct Connect.</small>
        </span>
      </label>
    </fieldset>
  );
}
