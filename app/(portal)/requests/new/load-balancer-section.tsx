import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import styles from "../requests.module.css";
import type { DraftForm } from "./use-draft-form";
import { Choice, FieldGroup } from "@/components/form-field";
import type { DiscoveredLoadBalancer } from "@/lib/requests/wizard-options";

// Scenario A: the account's internal NLBs in the region, read live; choosing one takes its first listener's port.

export function LoadBalancerSection({
  form,
  loadBalancers,
}: {
  form: DraftForm;
  loadBalancers: UseQueryResult<DiscoveredLoadBalancer[]>;
}) {
  const t = useTranslations("wizard.loadBalancer");
  const { draft, update, errorsOf } = form;
  const errors = errorsOf("loadBalancerArn");
  return (
    <FieldGroup id="loadBalancerArn" legend={t("legend")} errors={errors}>
      {!draft.accountId || !draft.region ? <p className={styles.muted}>{t("chooseAccountFirst")}</p> : null}
      {loadBalancers.isLoading ? <p role="status">{t("reading")}</p> : null}
      {loadBalancers.error ? <p className="alert">{loadBalancers.error.message}</p> : null}
      {loadBalancers.data?.length === 0 ? <p className={styles.muted}>{t("none", { where: draft.region })}</p> : null}
      {loadBalancers.data?.map((balancer) => (
        <Choice
          key={balancer.arn}
          type="radio"
          name="loadBalancerArn"
          checked={draft.loadBalancerArn === balancer.arn}
          onChange={() => update({ loadBalancerArn: balancer.arn, port: String(balancer.listeners[0]?.port ?? "") })}
        >
          <span className={styles.option}>
            <strong>{balancer.name}</strong> <span className={styles.muted}>({balancer.state})</span>
            {balancer.kubernetesService ? (
              <small>{t("kubernetesService", { service: balancer.kubernetesService })}</small>
            ) : null}
            <small className="mono">{balancer.dnsName}</small>
            <small>
              {t("zonesAndListeners", {
                zones: balancer.zones.join(", "),
                listeners:
                  balancer.listeners.map((listener) => `${listener.protocol} ${listener.port}`).join(", ") ||
                  t("noListener"),
              })}
            </small>
          </span>
        </Choice>
      ))}
    </FieldGroup>
  );
}
