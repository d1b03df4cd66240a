"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlanPreview } from "../plan-preview";
import styles from "../requests.module.css";
import layout from "@/components/page-layout.module.css";
import { ApiSection } from "./api-section";
import { LoadBalancerSection } from "./load-balancer-section";
import { PlacementSection } from "./placement-section";
import { RemoteNetworkSection } from "./remote-network-section";
import { toInput } from "./request-draft";
import { ScenarioSection } from "./scenario-section";
import { useDraftForm } from "./use-draft-form";
import { ApiFailure, callApi } from "@/components/api-client";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import type { DiscoveredLoadBalancer, WizardOptions } from "@/lib/requests/wizard-options";

// The request wizard: where the service runs, which account and NLB (read live) or which IPs, then the API's name,
// stage and options and why. Every field is checked as it is typed with the server's own schema; the dry run is
// previewed before submitting, and a blocker keeps the submit button disabled.

export function RequestWizard({ options }: { options: WizardOptions }) {
  const t = useTranslations("wizard");
  const router = useRouter();
  const form = useDraftForm(options);
  const { draft, clientErrors, setServerErrors } = form;
  const [plan, setPlan] = useState<{ for: string; result: DryRunResult } | null>(null);

  const loadBalancers = useQuery({
    queryKey: ["load-balancers", draft.accountId, draft.region],
    queryFn: () =>
      callApi<DiscoveredLoadBalancer[]>(
        `/api/requests/load-balancers?${new URLSearchParams({ accountId: draft.accountId, region: draft.region }).toString()}`,
      ),
    enabled: draft.scenario === "cross_account_nlb" && Boolean(draft.accountId && draft.region),
  });
  const chosen = loadBalancers.data?.find((balancer) => balancer.arn === draft.loadBalancerArn);

  const inputKey = JSON.stringify(toInput(draft));
  const currentPlan = plan?.for === inputKey ? plan.result : null;
  const blockers = currentPlan?.checks.filter((check) => check.status === "blocker").length ?? 0;

  const preview = useMutation({
    mutationFn: () => callApi<DryRunResult>("/api/requests/preview", { method: "POST", body: toInput(draft) }),
    onSuccess: (result) => setPlan({ for: inputKey, result }),
    onError: (error) => setServerErrors(error instanceof ApiFailure ? error.fieldErrors : {}),
  });
  const submit = useMutation({
    mutationFn: () => callApi<{ id: string }>("/api/requests", { method: "POST", body: toInput(draft) }),
    onSuccess: ({ id }) => router.push(`/requests/${id}`),
    onError: (error) => setServerErrors(error instanceof ApiFailure ? error.fieldErrors : {}),
  });

  if (options.teams.length === 0) return <p className="alert">{t("notARequester")}</p>;
  if (options.hubs.length === 0) return <p className="alert">{t("noHubYet")}</p>;

  return (
    <>
      <form
        className={`${styles.form} ${styles.page}`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (Object.keys(clientErrors).length > 0) return form.showAllErrors();
          preview.mutate();
        }}
      >
        <ScenarioSection form={form} />
        <PlacementSection form={form} options={options} />
        {draft.scenario === "cross_account_nlb" ? (
          <LoadBalancerSection form={form} loadBalancers={loadBalancers} />
        ) : (
          <RemoteNetworkSection form={form} />
        )}
        <ApiSection form={form} chosen={chosen} />

        <div className={layout.actions}>
          <button type="submit" className="button" disabled={preview.isPending}>
            {preview.isPending ? t("checking") : t("previewPlan")}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!currentPlan || blockers > 0 || submit.isPending}
            onClick={() => submit.mutate()}
          >
            {submit.isPending ? t("submitting") : t("submit")}
          </button>
          {currentPlan && blockers > 0 ? <span className={styles.muted}>{t("resolveBlockers")}</span> : null}
          {!currentPlan ? <span className={styles.muted}>{t("previewToSubmit")}</span> : null}
        </div>
        {preview.error || submit.error ? (
          <p className="alert" role="alert">
            {(submit.error ?? preview.error)?.message}
          </p>
        ) : null}
      </form>
      {/* Outside the form's narrow column: the plan's tables use the page's width. */}
      {currentPlan ? (
        <section aria-label={t("planPreview")} className={styles.planPreview}>
          <PlanPreview plan={currentPlan} />
        </section>
      ) : null}
    </>
  );
}
