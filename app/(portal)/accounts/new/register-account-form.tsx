"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { AccountFields, useAccountSubmit, type Team } from "../account-fields";
import styles from "../accounts.module.css";
import { callApi } from "@/components/api-client";
import { FormSubmit } from "@/components/form-submit";
import { Choice, FieldGroup, TextField } from "@/components/form-field";
import {
  accountKinds,
  registerAccountSchema,
  splitRegions,
  type AccountKind,
  type RegisterAccountInput,
} from "@/lib/accounts/account-schemas";

const fieldOrder = ["accountId", "kind", "alias", "owningTeamId", "regions", "roleName"] as const;

export function RegisterAccountForm({ teams }: { teams: Team[] }) {
  const router = useRouter();
  const t = useTranslations("accounts.register");
  const [values, setValues] = useState({
    accountId: "",
    alias: "",
    kind: "application",
    owningTeamId: "",
    regions: "eu-west-1",
    roleName: "GatehouseProvisioner",
  });
  const register = useAccountSubmit({
    schema: registerAccountSchema,
    fieldOrder,
    send: (input: RegisterAccountInput) => callApi<{ id: string }>("/api/accounts", { method: "POST", body: input }),
    onSuccess: ({ id }) => router.push(`/accounts/${id}`),
  });
  const { errors } = register;

  function submit(event: FormEvent) {
    event.preventDefault();
    register.submit({ ...values, regions: splitRegions(values.regions) });
  }

  const change = (field: keyof typeof values, value: string) =>
    setValues({ ...values, [field]: value, ...(field === "kind" ? { owningTeamId: "" } : {}) });
  const kind = values.kind === "platform" ? "platform" : "application";
  const changeAccountId = (value: string) => change("accountId", value);
  const chooseKind = (chosen: AccountKind) => change("kind", chosen);
  const kindLabels = { application: t("kindApplication"), platform: t("kindPlatform") } satisfies Record<
    AccountKind,
    string
  >;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t("heading")}>
      <TextField
        id="account-accountId"
        label={t("accountId")}
        hint={t("accountIdHint")}
        inputMode="numeric"
        errors={errors.accountId}
        value={values.accountId}
        onChange={changeAccountId}
      />
      <FieldGroup id="account-kind" legend={t("kind")} errors={errors.kind}>
        {accountKinds.map((option, index) => (
          <Choice
            key={option}
            id={index === 0 ? "account-kind" : undefined}
            type="radio"
            name="kind"
            checked={values.kind === option}
            onChange={() => chooseKind(option)}
          >
            {kindLabels[option]}
          </Choice>
        ))}
      </FieldGroup>
      <AccountFields kind={kind} teams={teams} values={values} errors={errors} onChange={change} />
      <FormSubmit
        failure={register.failure}
        pending={register.pending}
        label={t("submit")}
        pendingLabel={t("pending")}
      />
    </form>
  );
}
