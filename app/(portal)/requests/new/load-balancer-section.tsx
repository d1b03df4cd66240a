import type { UseQueryResult } from "@tanstack/react-query";
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
  const { draft, update, errorsOf } = form;
  return (
    <FieldGroup id="loadBalancerArn" legend="Internal network load balancer" errors={errorsOf("loadBalancerArn")}>
      {!draft.accountId || !draft.region ? (
        <p className={styles.muted}>Choose the account and region to list its internal NLBs.</p>
      ) : null}
      {loadBalancers.isLoading ? <p role="status">Reading the account&apos;s load balancers…</p> : null}
      {loadBalancers.error ? <p className="alert">{loadBalancers.error.message}</p> : null}
      {loadBalancers.data?.length === 0 ? (
        <p className={styles.muted}>This account has no internal network load balancer in {draft.region}.</p>
      ) : null}
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
            {balancer.kubernetesService ? <small>Kubernetes service {balancer.kubernetesService}</small> : null}
            <small className="mono">{balancer.dnsName}</small>
            <small>
              Zones {balancer.zones.join(", ")} · listeners{" "}
              {balancer.listeners.map((listener) => `${listener.protocol} ${listener.port}`).join(", ") || "none"}
            </small>
          </span>
        </Choice>
      ))}
    </FieldGroup>
  );
}
