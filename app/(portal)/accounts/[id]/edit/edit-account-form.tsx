"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AccountFields, focusFirstError, type AccountFieldValues, type Team } from "../../account-fields";
import styles from "../../accounts.module.css";
import { ApiFailure, callApi, issuesByField } from "@/components/api-client";
import { editAccountSchema, splitRegions, type EditAccountInput } from "@/lib/accounts/account-schemas";
import type { FieldErrors } from "@/lib/errors";

const fieldOrder = ["alias", "owningTeamId", "regions", "roleName"] as const;

export type EditableAccount = AccountFieldValues & { id: string; kind: Team["kind"]; verified: boolean };

export function EditAccountForm({ account, teams }: { account: EditableAccount; teams: Team[] }) {
  const router = useRouter();
  const [values, setValues] = useState<AccountFieldValues>({
    alias: account.alias,
    owningTeamId: account.owningTeamId,
    regions: account.regions,
    roleName: account.roleName,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (input: EditAccountInput) => callApi(`/api/accounts/${account.id}`, { method: "PATCH", body: input }),
    onSuccess: () => {
      router.push(`/accounts/${account.id}`);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiFailure) showErrors(error.fieldErrors);
    },
  });

  function showErrors(found: FieldErrors) {
    setErrors(found);
    focusFirstError(found, fieldOrder);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = editAccountSchema.safeParse({ ...values, regions: splitRegions(values.regions) });
    if (!parsed.success) return showErrors(issuesByField(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  }

  const roleChanged = values.roleName.trim() !== account.roleName;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Edit the AWS account">
      <AccountFields
        kind={account.kind}
        teams={teams}
        values={values}
        errors={errors}
        onChange={(field, value) => setValues({ ...values, [field]: value })}
      />
      {roleChanged && account.verified ? (
        <p role="status" className={styles.hint}>
          A new role name makes the account unverified until you create that role and verify again.
        </p>
      ) : null}
      {save.error && !(save.error instanceof ApiFailure && Object.keys(save.error.fieldErrors).length > 0) ? (
        <p role="alert" className="alert">
          {save.error.message}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
