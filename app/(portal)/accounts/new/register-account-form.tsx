"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AccountFields, focusFirstError, type Team } from "../account-fields";
import styles from "../accounts.module.css";
import { ApiFailure, callApi, issuesByField } from "@/components/api-client";
import { Field, FieldErrors } from "@/components/form-field";
import { registerAccountSchema, splitRegions, type RegisterAccountInput } from "@/lib/accounts/account-schemas";
import type { FieldErrors as Errors } from "@/lib/errors";

const fieldOrder = ["accountId", "kind", "alias", "owningTeamId", "regions", "roleName"] as const;

export function RegisterAccountForm({ teams }: { teams: Team[] }) {
  const router = useRouter();
  const [values, setValues] = useState({ accountId: "", alias: "", kind: "application", owningTeamId: "", regions: "eu-west-1", roleName: "GatehouseProvisioner" });
  const [errors, setErrors] = useState<Errors>({});
  const register = useMutation({
    mutationFn: (input: RegisterAccountInput) => callApi<{ id: string }>("/api/accounts", { method: "POST", body: input }),
    onSuccess: ({ id }) => router.push(`/accounts/${id}`),
    onError: (error) => {
      if (error instanceof ApiFailure) showErrors(error.fieldErrors);
    },
  });

  function showErrors(found: Errors) {
    setErrors(found);
    focusFirstError(found, fieldOrder);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, regions: splitRegions(values.regions) };
    const parsed = registerAccountSchema.safeParse(input);
    if (!parsed.success) return showErrors(issuesByField(parsed.error));
    setErrors({});
    register.mutate(parsed.data);
  }

  const change = (field: keyof typeof values, value: string) =>
    setValues({ ...values, [field]: value, ...(field === "kind" ? { owningTeamId: "" } : {}) });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => change(field, event.target.value);
  const kind = values.kind === "platform" ? "platform" : "application";

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Register an AWS account">
      <Field id="account-accountId" label="Account ID" hint="The 12-digit AWS account number." errors={errors.accountId}>
        {(aria) => <input {...aria} type="text" inputMode="numeric" autoComplete="off" value={values.accountId} onChange={set("accountId")} />}
      </Field>
      <fieldset className={styles.fieldset} aria-describedby={errors.kind ? "account-kind-error" : undefined}>
        <legend className={styles.legend}>Kind</legend>
        <label className={styles.choice}>
          <input id="account-kind" type="radio" name="kind" value="application" checked={values.kind === "application"} onChange={set("kind")} />
          Application: a team&apos;s services live here (its NLBs become endpoint services).
        </label>
        <label className={styles.choice}>
          <input type="radio" name="kind" value="platform" checked={values.kind === "platform"} onChange={set("kind")} />
          Platform: hosts the hub (API Gateway, the platform NLBs, the execute-api endpoint).
        </label>
        <FieldErrors id="account-kind-error" errors={errors.kind} />
      </fieldset>
      <AccountFields kind={kind} teams={teams} values={values} errors={errors} onChange={change} />
      {register.error && !(register.error instanceof ApiFailure && Object.keys(register.error.fieldErrors).length > 0) ? (
        <p role="alert" className="alert">
          {register.error.message}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="button primary" disabled={register.isPending}>
          {register.isPending ? "Registering…" : "Register account"}
        </button>
      </div>
    </form>
  );
}
