"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import styles from "./access.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import type { ConsumerEndpoint } from "@/lib/access/consumer-endpoint-discovery";

// The consumer's side: pick one of your team's accounts, then one of its execute-api endpoints (read live through the
// account's role), say why, and optionally until when. The owning team decides.

type AccountOption = { id: string; label: string };

export function AccessRequestForm({ requestId, accounts }: { requestId: string; accounts: AccountOption[] }) {
  const queryClient = useQueryClient();
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? "");
  const [vpcEndpointId, setVpcEndpointId] = useState("");
  const [justification, setJustification] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [principals, setPrincipals] = useState("");
  const endpoints = useQuery({
    queryKey: ["access-endpoints", requestId, accountId],
    queryFn: () =>
      callApi<ConsumerEndpoint[]>(
        `/api/access/endpoints?requestId=${encodeURIComponent(requestId)}&accountId=${encodeURIComponent(accountId)}`,
      ),
    enabled: accountId !== "",
  });
  const submit = useMutation({
    mutationFn: () =>
      callApi<{ id: string }>(`/api/requests/${requestId}/access`, {
        method: "POST",
        body: {
          accountId,
          vpcEndpointId,
          justification,
          ...(endsAt ? { endsAt } : {}),
          principals: principals.split(/\s+/).filter(Boolean),
        },
      }),
    onSuccess: () => {
      setJustification("");
      void queryClient.invalidateQueries({ queryKey: ["access-grants"] });
    },
  });
  const errors = submit.error instanceof ApiFailure ? submit.error.fieldErrors : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  if (accounts.length === 0)
    return <p className={styles.muted}>None of your teams has an account registered in this API&apos;s region.</p>;

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label="Request access">
      <Field id="accountId" label="Your account" errors={errors.accountId}>
        {(aria) => (
          <select {...aria} value={accountId} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="vpcEndpointId"
        label="VPC endpoint"
        hint="The account's execute-api interface endpoints in the API's region, read live."
        errors={errors.vpcEndpointId ?? (endpoints.error ? [endpoints.error.message] : undefined)}
      >
        {(aria) => (
          <select {...aria} value={vpcEndpointId} onChange={(event) => setVpcEndpointId(event.target.value)}>
            <option value="">{endpoints.isLoading ? "Reading endpoints…" : "Choose an endpoint"}</option>
            {endpoints.data?.map((endpoint) => (
              <option key={endpoint.vpcEndpointId} value={endpoint.vpcEndpointId}>
                {endpoint.vpcEndpointId} in {endpoint.vpcId} (private DNS {endpoint.privateDnsEnabled ? "on" : "off"},{" "}
                {endpoint.state})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="justification" label="Why you need access" errors={errors.justification}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={justification}
            onChange={(event) => setJustification(event.target.value)}
          />
        )}
      </Field>
      <Field
        id="endsAt"
        label="Until (optional)"
        hint="Access ends on this date; you are told a week before."
        errors={errors.endsAt}
      >
        {(aria) => <input {...aria} type="date" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />}
      </Field>
      <Field
        id="principals"
        label="IAM principals (optional)"
        hint="For APIs with IAM authorization: account roots or role ARNs, separated by spaces."
        errors={errors.principals}
      >
        {(aria) => <input {...aria} value={principals} onChange={(event) => setPrincipals(event.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="button primary" disabled={submit.isPending}>
          Request access
        </button>
      </div>
      {submit.isSuccess ? <p role="status">Requested: the owning team decides.</p> : null}
      {submit.error && !(submit.error instanceof ApiFailure && Object.keys(errors).length > 0) ? (
        <p className="alert" role="alert">
          {submit.error.message}
        </p>
      ) : null}
    </form>
  );
}
