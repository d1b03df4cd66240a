"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import styles from "./access.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import type { ConsumerEndpoint } from "@/lib/access/consumer-endpoint-discovery";

// The consumer's side: pick one of your team's accounts, then one of its execute-api endpoints (read live through the
// account's role), say why, and optionally until when. The owning team decides.

type AccountOption = { id: string; label: string };

export function AccessRequestForm({ requestId, accounts }: { requestId: string; accounts: AccountOption[] }) {
  const t = useTranslations("access.form");
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
  if (accounts.length === 0) return <p className={styles.muted}>{t("noAccount")}</p>;

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={t("label")}>
      <Field id="accountId" label={t("account")} errors={errors.accountId}>
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
        label={t("endpoint")}
        hint={t("endpointHint")}
        errors={errors.vpcEndpointId ?? (endpoints.error ? [endpoints.error.message] : undefined)}
      >
        {(aria) => (
          <select {...aria} value={vpcEndpointId} onChange={(event) => setVpcEndpointId(event.target.value)}>
            <option value="">{endpoints.isLoading ? t("reading") : t("choose")}</option>
            {endpoints.data?.map((endpoint) => (
              <option key={endpoint.vpcEndpointId} value={endpoint.vpcEndpointId}>
                {t("endpointOption", {
                  endpoint: endpoint.vpcEndpointId,
                  vpc: endpoint.vpcId,
                  dns: endpoint.privateDnsEnabled ? "on" : "off",
                  state: endpoint.state,
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="justification" label={t("justification")} errors={errors.justification}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={justification}
            onChange={(event) => setJustification(event.target.value)}
          />
        )}
      </Field>
      <Field id="endsAt" label={t("until")} hint={t("untilHint")} errors={errors.endsAt}>
        {(aria) => <input {...aria} type="date" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />}
      </Field>
      <Field id="principals" label={t("principals")} hint={t("principalsHint")} errors={errors.principals}>
        {(aria) => <input {...aria} value={principals} onChange={(event) => setPrincipals(event.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="button primary" disabled={submit.isPending}>
          {t("submit")}
        </button>
      </div>
      {submit.isSuccess ? <p role="status">{t("requested")}</p> : null}
      {submit.error && !(submit.error instanceof ApiFailure && Object.keys(errors).length > 0) ? (
        <p className="alert" role="alert">
          {submit.error.message}
        </p>
      ) : null}
    </form>
  );
}
