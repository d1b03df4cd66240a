"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AccountFields, useAccountSubmit, type Team } from "../account-fields";
import styles from "../accounts.module.css";
import layout from "@/components/page-layout.module.css";
import { callApi } from "@/components/api-client";
import { Field, FieldErrors } from "@/components/form-field";
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
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    change(field, event.target.value);
  const kind = values.kind === "platform" ? "platform" : "application";

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Register an AWS account">
      <Field
        id="account-accountId"
        label="Account ID"
        hint="The 12-digit AWS account number."
        errors={errors.accountId}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.accountId}
            onChange={set("accountId")}
          />
        )}
      </Field>
      <fieldset className={styles.fieldset} aria-describedby={errors.kind ? "account-kind-error" : undefined}>
        <legend className={styles.legend}>Kind</legend>
        <label className={styles.choice}>
          <input
            id="account-kind"
            type="radio"
            name="kind"
            value="application"
            checked={values.kind === "application"}
            onChange={set("kind")}
          />
          Application: a team&apos;s services live here (its NLBs become endpoint services).
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name="kind"
            value="platform"
            checked={values.kind === "platform"}
            onChange={set("kind")}
          />
          Platform: hosts the hub (API Gateway, the platform NLBs, the execute-api endpoint).
        </label>
        <FieldErrors id="account-kind-error" errors={errors.kind} />
      </fieldset>
      <AccountFields kind={kind} teams={teams} values={values} errors={errors} onChange={change} />
      {register.failure ? (
        <p role="alert" className="alert">
          {register.failure}
        </p>
      ) : null}
      <div className={layout.actions}>
        <button type="submit" className="button primary" disabled={register.pending}>
          {register.pending ? "Registering…" : "Register account"}
        </button>
      </div>
    </form>
  );
}
