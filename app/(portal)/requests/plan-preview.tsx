import { DataTable } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import styles from "./requests.module.css";
import layout from "@/components/page-layout.module.css";

// The plan as the requester previews it and the approver reviews it: every check with its fix, the quota it costs,
// the steps the worker will run, and the resource policy the API gets.

function minutes(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `about ${Math.round(ms / 60_000)} min`;
}

export function PlanPreview({ plan }: { plan: DryRunResult }) {
  const blockers = plan.checks.filter((check) => check.status === "blocker").length;
  const warnings = plan.checks.filter((check) => check.status === "warning").length;
  return (
    <div>
      {plan.placement ? (
        <section className={styles.section} aria-labelledby="plan-placement">
          <h2 id="plan-placement">Platform hub: {plan.placement.hubLabel}</h2>
          <p data-testid="placement-reason">{plan.placement.reason}</p>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="plan-checks">
        <h2 id="plan-checks">
          Checks: {blockers} blocker{blockers === 1 ? "" : "s"}, {warnings} warning{warnings === 1 ? "" : "s"}
        </h2>
        <ul className={layout.checklist}>
          {plan.checks.map((check) => (
            <li key={check.id} className={`${layout.check} ${styles.check}`} data-check={check.id}>
              <StatusBadge status={check.status} />
              <div>
                <p>{check.message}</p>
                {check.fix ? <p className={styles.fix}>Fix: {check.fix}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="plan-quotas">
        <h2 id="plan-quotas">Quota cost</h2>
        <ul>
          {plan.quotas.map((quota) => (
            <li key={quota.name}>
              {quota.name}: +{quota.adds} ({quota.used + quota.adds} of {quota.limit})
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="plan-steps">
        <h2 id="plan-steps">
          {plan.steps.length} steps, {minutes(plan.criticalPathMs)} on real AWS (critical path)
        </h2>
        <DataTable caption="Planned steps" columns={["Step", "Account", "AWS calls", "After"]}>
          {plan.steps.map((step) => (
            <tr key={step.id}>
              <td>
                {step.title}
                <br />
                <span className="mono nowrap">{step.id}</span>
              </td>
              <td className="mono nowrap">{step.accountId}</td>
              <td>{step.calls.join("; ")}</td>
              <td className="mono">{step.dependsOn.join(", ") || "start"}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className={styles.section} aria-labelledby="plan-policy">
        <h2 id="plan-policy">Resource policy</h2>
        <pre className={`code-block ${styles.policy}`}>{JSON.stringify(plan.resourcePolicy, null, 2)}</pre>
      </section>
    </div>
  );
}
