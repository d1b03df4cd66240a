import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { TranslatedText } from "@/components/translated-text";
import type { CheckText } from "@/lib/provisioning/plan/dry-run/check-list";
import type { QuotaUse } from "@/lib/provisioning/plan/dry-run/check-quotas";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import styles from "./requests.module.css";
import layout from "@/components/page-layout.module.css";

// The plan as the requester previews it and the approver reviews it: every check with its fix, the quota it costs,
// the steps the worker will run, and the resource policy the API gets. The plan is stored as catalogue keys with
// values, so each reader sees it in their own language; a plan stored earlier in plain English shows as it is.

export function PlanPreview({ plan }: { plan: DryRunResult }) {
  const t = useTranslations("planPreview");
  const blockers = plan.checks.filter((check) => check.status === "blocker").length;
  const warnings = plan.checks.filter((check) => check.status === "warning").length;
  const fixLine = (fix: CheckText) => t.rich("fix", { fix: () => <TranslatedText message={fix} /> });
  // A quota stored before quotas had a kind keeps its English name.
  const quotaLine = (quota: QuotaUse) => {
    const name: CheckText = quota.kind ? { key: "dryRun.quota.name", values: { kind: quota.kind } } : quota.name;
    const total = quota.used + quota.adds;
    return t.rich("quotaLine", {
      name: () => <TranslatedText message={name} />,
      adds: quota.adds,
      total,
      limit: quota.limit,
    });
  };
  const ms = plan.criticalPathMs;
  const duration =
    ms < 60_000 ? t("seconds", { seconds: Math.round(ms / 1000) }) : t("minutes", { minutes: Math.round(ms / 60_000) });
  return (
    <div>
      {plan.placement ? (
        <section className={styles.section} aria-labelledby="plan-placement">
          <h2 id="plan-placement">{t("placement", { hub: plan.placement.hubLabel })}</h2>
          <p data-testid="placement-reason">
            <TranslatedText message={plan.placement.reason} />
          </p>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="plan-checks">
        <h2 id="plan-checks">{t("checks", { blockers, warnings })}</h2>
        <ul className={layout.checklist}>
          {plan.checks.map((check) => (
            <li key={check.id} className={`${layout.check} ${styles.check}`} data-check={check.id}>
              <StatusBadge status={check.status} />
              <div>
                <p>
                  <TranslatedText message={check.message} />
                </p>
                {check.fix ? <p className={styles.fix}>{fixLine(check.fix)}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="plan-quotas">
        <h2 id="plan-quotas">{t("quotaCost")}</h2>
        <ul>
          {plan.quotas.map((quota) => (
            <li key={quota.name}>{quotaLine(quota)}</li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="plan-steps">
        <h2 id="plan-steps">{t("steps", { count: plan.steps.length, duration })}</h2>
        <DataTable
          caption={t("stepsCaption")}
          columns={[t("columns.step"), t("columns.account"), t("columns.calls"), t("columns.after")]}
        >
          {plan.steps.map((step) => (
            <tr key={step.id}>
              <td>
                <TranslatedText message={step.title} />
                <br />
                <span className="mono nowrap">{step.id}</span>
              </td>
              <td className="mono nowrap">{step.accountId}</td>
              <td>{step.calls.join("; ")}</td>
              <td className="mono">{step.dependsOn.join(", ") || t("start")}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className={styles.section} aria-labelledby="plan-policy">
        <h2 id="plan-policy">{t("resourcePolicy")}</h2>
        <pre className={`code-block ${styles.policy}`}>{JSON.stringify(plan.resourcePolicy, null, 2)}</pre>
      </section>
    </div>
  );
}
