"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import styles from "../accounts.module.css";
import layout from "@/components/page-layout.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { ApiFailure, callApi, issuesByField } from "@/components/api-client";
import { Choice, Field, FieldGroup } from "@/components/form-field";
import type { FieldErrors as Errors } from "@/lib/errors";
import type { EndpointOption, VpcNetwork, VpcOption } from "@/lib/hubs/hub-network";
import {
  configureHubSchema,
  defaultLinkMode,
  linkModes,
  type ConfigureHub,
  type LinkMode,
} from "@/lib/hubs/hub-schemas";

export type PlatformAccountOption = {
  id: string;
  alias: string;
  accountId: string;
  regions: string[];
  verified: boolean;
};
type HubValues = Omit<ConfigureHub, "linkMode"> & { linkMode: LinkMode };

const empty: HubValues = {
  accountId: "",
  region: "",
  vpcId: "",
  subnetIds: [],
  securityGroupIds: [],
  executeApiEndpointId: "",
  linkMode: defaultLinkMode,
};

export function HubForm({ accounts, hubs }: { accounts: PlatformAccountOption[]; hubs: HubValues[] }) {
  const router = useRouter();
  const t = useTranslations("hubs");
  const queryClient = useQueryClient();
  const [values, setValues] = useState<HubValues>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const account = accounts.find((candidate) => candidate.id === values.accountId);
  const location = new URLSearchParams({ accountId: values.accountId, region: values.region });

  const vpcs = useQuery({
    queryKey: ["hub-vpcs", values.accountId, values.region],
    queryFn: () => callApi<VpcOption[]>(`/api/hubs/vpcs?${location.toString()}`),
    enabled: Boolean(account?.verified && values.region),
  });
  const network = useQuery({
    queryKey: ["hub-network", values.accountId, values.region, values.vpcId],
    queryFn: () =>
      callApi<VpcNetwork>(`/api/hubs/network?${location.toString()}&vpcId=${encodeURIComponent(values.vpcId)}`),
    enabled: Boolean(vpcs.data && values.vpcId),
  });
  const createEndpoint = useMutation({
    mutationFn: () => callApi<EndpointOption>("/api/hubs/endpoints", { method: "POST", body: values }),
    onSuccess: async (endpoint) => {
      setValues((current) => ({ ...current, executeApiEndpointId: endpoint.id }));
      await queryClient.invalidateQueries({ queryKey: ["hub-network"] });
    },
    onError: (error) => error instanceof ApiFailure && setErrors(error.fieldErrors),
  });
  const save = useMutation({
    mutationFn: (input: ConfigureHub) => callApi<{ id: string }>("/api/hubs", { method: "POST", body: input }),
    onSuccess: () => router.refresh(),
    onError: (error) => error instanceof ApiFailure && setErrors(error.fieldErrors),
  });

  function pickLocation(accountId: string, region: string) {
    const existing = hubs.find((hub) => hub.accountId === accountId && hub.region === region);
    setValues(existing ?? { ...empty, accountId, region });
    setErrors({});
    save.reset();
  }

  function toggle(field: "subnetIds" | "securityGroupIds", id: string, on: boolean) {
    setValues((current) => ({
      ...current,
      [field]: on ? [...current[field], id] : current[field].filter((value) => value !== id),
    }));
  }

  /** One check box an item, ticked when the item's id is among the field's values. */
  function checkboxes<Item extends { id: string }>(
    field: "subnetIds" | "securityGroupIds",
    items: Item[],
    label: (item: Item) => ReactNode,
  ) {
    return items.map((item) => (
      <Choice
        key={item.id}
        type="checkbox"
        checked={values[field].includes(item.id)}
        onChange={(event) => toggle(field, item.id, event.target.checked)}
      >
        {label(item)}
      </Choice>
    ));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = configureHubSchema.safeParse(values);
    if (!parsed.success) return setErrors(issuesByField(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  }

  const endpoints = network.data?.executeApiEndpoints ?? [];
  const subnetChoices = checkboxes("subnetIds", network.data?.subnets ?? [], (subnet) => (
    <>
      {subnet.name || subnet.id} · {subnet.availabilityZone} · <span className="mono">{subnet.cidrBlock}</span>
    </>
  ));
  const groupChoices = checkboxes("securityGroupIds", network.data?.securityGroups ?? [], (group) => (
    <>
      {group.name} <span className="mono">({group.id})</span>
    </>
  ));
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t("form.label")}>
      <Field id="hub-account" label={t("form.account")} hint={t("form.accountHint")} errors={errors.accountId}>
        {(aria) => (
          <select
            {...aria}
            value={values.accountId}
            onChange={(event) =>
              pickLocation(
                event.target.value,
                accounts.find((candidate) => candidate.id === event.target.value)?.regions[0] ?? "",
              )
            }
          >
            <option value="">{t("form.chooseAccount")}</option>
            {accounts.map((option) => (
              <option key={option.id} value={option.id} disabled={!option.verified}>
                {option.verified
                  ? `${option.alias} (${option.accountId})`
                  : t("form.verifyFirst", { alias: option.alias, accountId: option.accountId })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {account ? (
        <Field id="hub-region" label={t("form.region")} errors={errors.region}>
          {(aria) => (
            <select
              {...aria}
              value={values.region}
              onChange={(event) => pickLocation(values.accountId, event.target.value)}
            >
              {account.regions.map((region) => (
                <option key={region} value={region}>
                  {region}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {vpcs.error ? (
        <p role="alert" className="alert">
          {vpcs.error.message}
        </p>
      ) : null}
      {vpcs.data ? (
        <Field id="hub-vpc" label={t("form.vpc")} hint={t("form.vpcHint")} errors={errors.vpcId}>
          {(aria) => (
            <select
              {...aria}
              value={values.vpcId}
              onChange={(event) =>
                setValues({
                  ...values,
                  vpcId: event.target.value,
                  subnetIds: [],
                  securityGroupIds: [],
                  executeApiEndpointId: "",
                })
              }
            >
              <option value="">{t("form.chooseVpc")}</option>
              {vpcs.data.map((vpc) => (
                <option key={vpc.id} value={vpc.id}>
                  {vpc.name || vpc.id} ({vpc.id}, {vpc.cidrBlock})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : vpcs.isFetching ? (
        <p role="status">{t("form.readingVpcs")}</p>
      ) : null}
      {network.error ? (
        <p role="alert" className="alert">
          {network.error.message}
        </p>
      ) : null}
      {network.isFetching && !network.data ? <p role="status">{t("form.readingNetwork")}</p> : null}
      {network.data ? (
        <>
          <FieldGroup
            id="hub-subnets"
            legend={t("form.subnets")}
            hint={t("form.subnetsHint")}
            errors={errors.subnetIds}
          >
            {subnetChoices}
          </FieldGroup>
          <FieldGroup id="hub-groups" legend={t("form.securityGroups")} errors={errors.securityGroupIds}>
            {groupChoices}
          </FieldGroup>
          <FieldGroup id="hub-endpoint" legend={t("form.endpoint")} errors={errors.executeApiEndpointId}>
            {endpoints.length === 0 ? <p className={fieldStyles.hint}>{t("form.noEndpoint")}</p> : null}
            {endpoints.map((endpoint) => (
              <Choice
                key={endpoint.id}
                type="radio"
                name="endpoint"
                checked={values.executeApiEndpointId === endpoint.id}
                onChange={() => setValues({ ...values, executeApiEndpointId: endpoint.id })}
              >
                <span className="mono">{endpoint.id}</span> ·{" "}
                {t("form.endpointOption", { state: endpoint.state, privateDns: endpoint.privateDns ? "on" : "off" })}
              </Choice>
            ))}
            {endpoints.length === 0 ? (
              <div className={layout.actions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => createEndpoint.mutate()}
                  disabled={createEndpoint.isPending}
                >
                  {createEndpoint.isPending ? t("form.creating") : t("form.createEndpoint")}
                </button>
              </div>
            ) : null}
            {createEndpoint.error ? (
              <p role="alert" className="alert">
                {createEndpoint.error.message}
              </p>
            ) : null}
          </FieldGroup>
          <FieldGroup id="hub-link-mode" legend={t("form.linkMode")} errors={errors.linkMode}>
            {linkModes.map((mode) => (
              <Choice
                key={mode}
                type="radio"
                name="linkMode"
                value={mode}
                checked={values.linkMode === mode}
                onChange={() => setValues({ ...values, linkMode: mode })}
              >
                <span>
                  <strong>{t(`linkModes.${mode}.title`)}</strong> {t(`linkModes.${mode}.tradeOff`)}
                </span>
              </Choice>
            ))}
          </FieldGroup>
          {save.error ? (
            <p role="alert" className="alert">
              {save.error.message}
            </p>
          ) : null}
          {save.isSuccess ? <p role="status">{t("form.saved", { region: values.region })}</p> : null}
          <div className={layout.actions}>
            <button type="submit" className="button primary" disabled={save.isPending}>
              {save.isPending ? t("form.saving") : t("form.save")}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
