"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { PlanPreview } from "../plan-preview";
import styles from "../requests.module.css";
import { ApiFailure, callApi, issuesByField } from "@/components/api-client";
import { Field, FieldErrors } from "@/components/form-field";
import type { FieldErrors as FieldErrorMap } from "@/lib/errors";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import { requestInputSchema } from "@/lib/requests/request-schemas";
import { noHubMessage } from "@/lib/requests/hub-choice";
import type { DiscoveredLoadBalancer, WizardHub, WizardOptions } from "@/lib/requests/wizard-options";

// The request wizard: where the service runs, which account and NLB (read live) or which IPs, then the API's name,
// stage and options and why. Every field is checked as it is typed with the server's own schema; the dry run is
// previewed before submitting, and a blocker keeps the submit button disabled.

type Draft = {
  scenario: "cross_account_nlb" | "remote_network";
  teamId: string;
  accountId: string;
  region: string;
  hubId: string;
  loadBalancerArn: string;
  port: string;
  remoteNetworkName: string;
  remoteIps: string;
  apiName: string;
  stageName: string;
  basePath: string;
  corsAllowOrigins: string;
  justification: string;
};

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function toInput(draft: Draft) {
  const common = {
    teamId: draft.teamId,
    region: draft.region,
    hubId: draft.hubId || undefined,
    port: draft.port,
    apiName: draft.apiName,
    stageName: draft.stageName,
    basePath: draft.basePath || undefined,
    corsAllowOrigins: list(draft.corsAllowOrigins),
    justification: draft.justification,
  };
  return draft.scenario === "cross_account_nlb"
    ? { scenario: draft.scenario, accountId: draft.accountId, loadBalancerArn: draft.loadBalancerArn, ...common }
    : {
        scenario: draft.scenario,
        remoteNetworkName: draft.remoteNetworkName,
        remoteIps: list(draft.remoteIps),
        ...common,
      };
}

/** The schema's verdict plus the hub rules the server applies: a region without a hub, several hubs unchosen. */
function validate(draft: Draft, hubs: readonly WizardHub[]): FieldErrorMap {
  const parsed = requestInputSchema.safeParse(toInput(draft));
  const errors = parsed.success ? {} : issuesByField(parsed.error);
  const inRegion = hubs.filter((hub) => hub.region === draft.region);
  if (draft.region && inRegion.length === 0) errors.region = [noHubMessage(draft.region)];
  if (inRegion.length > 1 && !draft.hubId) errors.hubId = [`Choose one of the hubs that serve ${draft.region}.`];
  return errors;
}

/** Hub fields for a newly chosen region: its only hub is taken, several wait for the requester's choice. */
function hubFor(hubs: readonly WizardHub[], region: string): Pick<Draft, "region" | "hubId"> {
  const inRegion = hubs.filter((hub) => hub.region === region);
  return { region, hubId: inRegion.length === 1 ? (inRegion[0]?.id ?? "") : "" };
}

export function RequestWizard({ options }: { options: WizardOptions }) {
  const router = useRouter();
  const hubRegions = [...new Set(options.hubs.map((hub) => hub.region))];
  const [draft, setDraft] = useState<Draft>({
    scenario: "cross_account_nlb",
    teamId: options.teams.length === 1 ? (options.teams[0]?.id ?? "") : "",
    accountId: "",
    ...hubFor(options.hubs, hubRegions.length === 1 ? (hubRegions[0] ?? "") : ""),
    loadBalancerArn: "",
    port: "",
    remoteNetworkName: "",
    remoteIps: "",
    apiName: "",
    stageName: "prod",
    basePath: "",
    corsAllowOrigins: "",
    justification: "",
  });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrorMap>({});
  const [plan, setPlan] = useState<{ for: string; result: DryRunResult } | null>(null);

  const clientErrors = useMemo(() => validate(draft, options.hubs), [draft, options.hubs]);
  const errorsOf = (field: string) => (touched.has(field) ? clientErrors[field] : undefined) ?? serverErrors[field];
  const update = (changes: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setTouched((current) => new Set([...current, ...Object.keys(changes)]));
    setServerErrors({});
  };
  const aria = (field: keyof Draft) => ({
    value: draft[field],
    onChange: (event: { target: { value: string } }) => update({ [field]: event.target.value }),
  });

  const team = options.teams.find((candidate) => candidate.id === draft.teamId);
  const account = team?.accounts.find((candidate) => candidate.accountId === draft.accountId);
  // An account's regions without a hub stay listed, so the requester learns why they cannot be used.
  const regions = draft.scenario === "cross_account_nlb" ? (account?.regions ?? []) : hubRegions;
  const hubsInRegion = options.hubs.filter((hub) => hub.region === draft.region);

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
  const showAllErrors = () => setTouched(new Set(Object.keys(draft)));

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

  if (options.teams.length === 0)
    return <p className="alert">You are not a requester in any team; ask a platform admin for access.</p>;
  if (options.hubs.length === 0)
    return <p className="alert">No platform hub is configured yet; ask the platform team to configure one.</p>;

  return (
    <form
      className={`${styles.form} ${styles.page}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (Object.keys(clientErrors).length > 0) return showAllErrors();
        preview.mutate();
      }}
    >
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
            <small>
              A data centre or another region, reached from the hub over a transit gateway or Direct Connect.
            </small>
          </span>
        </label>
      </fieldset>

      <Field id="teamId" label="Team" errors={errorsOf("teamId")}>
        {(props) => (
          <select
            {...props}
            {...aria("teamId")}
            onChange={(event) => update({ teamId: event.target.value, accountId: "", loadBalancerArn: "" })}
          >
            <option value="">Choose a team</option>
            {options.teams.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      {draft.scenario === "cross_account_nlb" ? (
        <Field
          id="accountId"
          label="Account"
          hint="Your team's verified application accounts."
          errors={errorsOf("accountId")}
        >
          {(props) => (
            <select
              {...props}
              {...aria("accountId")}
              onChange={(event) => update({ accountId: event.target.value, loadBalancerArn: "", port: "" })}
            >
              <option value="">Choose an account</option>
              {(team?.accounts ?? []).map((candidate) => (
                <option key={candidate.accountId} value={candidate.accountId}>
                  {candidate.alias} ({candidate.accountId})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      <Field
        id="region"
        label="Region"
        hint="Requests go through a platform hub in the region."
        errors={errorsOf("region")}
      >
        {(props) => (
          <select
            {...props}
            {...aria("region")}
            onChange={(event) => update({ ...hubFor(options.hubs, event.target.value), loadBalancerArn: "", port: "" })}
          >
            <option value="">Choose a region</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {hubRegions.includes(region) ? region : `${region} (no hub)`}
              </option>
            ))}
          </select>
        )}
      </Field>

      {hubsInRegion.length > 1 ? (
        <Field
          id="hubId"
          label="Platform hub"
          hint={`${hubsInRegion.length} hubs serve ${draft.region}; ask the platform team which one your consumers use.`}
          errors={errorsOf("hubId")}
        >
          {(props) => (
            <select {...props} {...aria("hubId")}>
              <option value="">Choose a hub</option>
              {hubsInRegion.map((hub) => (
                <option key={hub.id} value={hub.id}>
                  {hub.label}, link mode {hub.linkMode.toUpperCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {draft.scenario === "cross_account_nlb" ? (
        <fieldset
          className={styles.fieldset}
          aria-describedby={errorsOf("loadBalancerArn") ? "loadBalancerArn-error" : undefined}
        >
          <legend>Internal network load balancer</legend>
          {!draft.accountId || !draft.region ? (
            <p className={styles.muted}>Choose the account and region to list its internal NLBs.</p>
          ) : null}
          {loadBalancers.isLoading ? <p role="status">Reading the account&apos;s load balancers…</p> : null}
          {loadBalancers.error ? <p className="alert">{loadBalancers.error.message}</p> : null}
          {loadBalancers.data?.length === 0 ? (
            <p className={styles.muted}>This account has no internal network load balancer in {draft.region}.</p>
          ) : null}
          {loadBalancers.data?.map((balancer) => (
            <label key={balancer.arn} className={styles.choice}>
              <input
                type="radio"
                name="loadBalancerArn"
                checked={draft.loadBalancerArn === balancer.arn}
                onChange={() =>
                  update({ loadBalancerArn: balancer.arn, port: String(balancer.listeners[0]?.port ?? "") })
                }
              />
              <span>
                <strong>{balancer.name}</strong> <span className={styles.muted}>({balancer.state})</span>
                {balancer.kubernetesService ? <small>Kubernetes service {balancer.kubernetesService}</small> : null}
                <small className="mono">{balancer.dnsName}</small>
                <small>
                  Zones {balancer.zones.join(", ")} · listeners{" "}
                  {balancer.listeners.map((listener) => `${listener.protocol} ${listener.port}`).join(", ") || "none"}
                </small>
              </span>
            </label>
          ))}
          <FieldErrors id="loadBalancerArn-error" errors={errorsOf("loadBalancerArn")} />
        </fieldset>
      ) : (
        <>
          <Field
            id="remoteNetworkName"
            label="Network name"
            hint="How your network is known, for example datacenter-frankfurt."
            errors={errorsOf("remoteNetworkName")}
          >
            {(props) => <input type="text" {...props} {...aria("remoteNetworkName")} />}
          </Field>
          <Field
            id="remoteIps"
            label="IP addresses"
            hint="Up to 16 private IPv4 addresses, separated by commas or spaces."
            errors={errorsOf("remoteIps")}
          >
            {(props) => <input type="text" {...props} {...aria("remoteIps")} />}
          </Field>
        </>
      )}

      <Field
        id="port"
        label={draft.scenario === "cross_account_nlb" ? "Listener port" : "Port"}
        errors={errorsOf("port")}
      >
        {(props) =>
          chosen ? (
            <select {...props} {...aria("port")}>
              {chosen.listeners.map((listener) => (
                <option key={listener.port} value={String(listener.port)}>
                  {listener.protocol} {listener.port}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" inputMode="numeric" {...props} {...aria("port")} />
          )
        }
      </Field>

      <Field
        id="apiName"
        label="API name"
        hint="Letters, digits, - _ and ., starting with a letter."
        errors={errorsOf("apiName")}
      >
        {(props) => <input type="text" {...props} {...aria("apiName")} />}
      </Field>
      <Field id="stageName" label="Stage" errors={errorsOf("stageName")}>
        {(props) => <input type="text" {...props} {...aria("stageName")} />}
      </Field>
      <Field
        id="basePath"
        label="Base path (optional)"
        hint="For example v1/ledger, without a leading /."
        errors={errorsOf("basePath")}
      >
        {(props) => <input type="text" {...props} {...aria("basePath")} />}
      </Field>
      <Field
        id="corsAllowOrigins"
        label="CORS origins (optional)"
        hint="https origins of browser callers, separated by commas or spaces."
        errors={errorsOf("corsAllowOrigins")}
      >
        {(props) => <input type="text" {...props} {...aria("corsAllowOrigins")} />}
      </Field>
      <Field
        id="justification"
        label="Justification"
        hint="Who will call the API and why."
        errors={errorsOf("justification")}
      >
        {(props) => <textarea rows={3} {...props} {...aria("justification")} />}
      </Field>

      <div className={styles.actions}>
        <button type="submit" className="button" disabled={preview.isPending}>
          {preview.isPending ? "Checking against AWS…" : "Preview plan"}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!currentPlan || blockers > 0 || submit.isPending}
          onClick={() => submit.mutate()}
        >
          {submit.isPending ? "Submitting…" : "Submit request"}
        </button>
        {currentPlan && blockers > 0 ? <span className={styles.muted}>Resolve the blockers to submit.</span> : null}
        {!currentPlan ? <span className={styles.muted}>Preview the plan to submit.</span> : null}
      </div>
      {preview.error || submit.error ? (
        <p className="alert" role="alert">
          {(submit.error ?? preview.error)?.message}
        </p>
      ) : null}
      {currentPlan ? (
        <section aria-label="Plan preview">
          <PlanPreview plan={currentPlan} />
        </section>
      ) : null}
    </form>
  );
}
