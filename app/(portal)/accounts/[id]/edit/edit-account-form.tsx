"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { AccountFields, useAccountSubmit, type AccountFieldValues, type Team } from "../../account-fields";
import styles from "../../accounts.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { callApi } from "@/components/api-client";
import { FormSubmit } from "@/components/form-submit";
import { editAccountSchema, splitRegions, type EditAccountInput } from "@/lib/accounts/account-schemas";

const fieldOrder = ["alias", "owningTeamId", "regions", "roleName"] as const;

export type EditableAccount = AccountFieldValues & { id: string; kind: Team["kind"]; verified: boolean };

export function EditAccountForm({ account, teams }: { account: EditableAccount; teams: Team[] }) {
  const router = useRouter();
  const t = useTranslations("accounts.edit");
  const [values, setValues] = useState<AccountFieldValues>({
    alias: account.alias,
    owningTeamId: account.owningTeamId,
    regions: account.regions,
    roleName: account.roleName,
  });
  const save = useAccountSubmit({
    schema: editAccountSchema,
    fieldOrder,
    send: (input: EditAccountInput) => callApi(`/api/accounts/${account.id}`, { method: "PATCH", body: input }),
    onSuccess: () => {
      router.push(`/accounts/${account.id}`);
      router.refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.submit({ ...values, regions: splitRegions(values.regions) });
  }

  const roleChanged = values.roleName.trim() !== account.roleName;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t("formLabel")}>
      <AccountFields
        kind={account.kind}
        teams={teams}
        values={values}
        errors={save.errors}
        onChange={(field, value) => setValues({ ...values, [field]: value })}
      />
      {roleChanged && account.verified ? (
        <p role="status" className={fieldStyles.hint}>
          {t("roleChangeWarning")}
        </p>
      ) : null}
      <FormSubmit failure={save.failure} pending={save.pending} label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
