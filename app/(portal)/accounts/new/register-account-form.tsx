"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AccountFields, useAccountSubmit, type Team } from "../account-fields";
import styles from "../accounts.module.css";
import { callApi } from "@/components/api-client";
import { FormSubmit } from "@/components/form-submit";
import { Choice, FieldGroup, TextField } from "@/components/form-field";
import { registerAccountSchema, splitRegions, type RegisterAccountInput } from "@/lib/accounts/account-schemas";

const fieldOrder = ["accountId", "kind", "alias", "owningTeamId", "regions", "roleName"] as const;

export function RegisterAccountForm({ teams }: { teams: Team[] }) {
  const router = useRouter();
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

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Register an AWS account">
      <TextField
        id="account-accountId"
        label="Account ID"
        hint="The 12-digit AWS account number."
        inputMode="numeric"
        errors={errors.accountId}
        value={values.accountId}
        onChange={(value) => change("accountId", value)}
      />
      <FieldGroup id="account-kind" legend="Kind" errors={errors.kind}>
        <Choice
          id="account-kind"
          type="radio"
          name="kind"
          checked={values.kind === "application"}
          onChange={() => change("kind", "application")}
        >
          Application: a team&apos;s services live here (its NLBs become endpoint services).
        </Choice>
        <Choice
          type="radio"
          name="kind"
          checked={values.kind === "platform"}
          onChange={() => change("kind", "platform")}
        >
          Platform: hosts the hub (API Gateway, the platform NLBs, the execute-api endpoint).
        </Choice>
      </FieldGroup>
      <AccountFields kind={kind} teams={teams} values={values} errors={errors} onChange={change} />
      <FormSubmit
        failure={register.failure}
        pending={register.pending}
        label="Register account"
        pendingLabel="Registering…"
      />
    </form>
  );
}
