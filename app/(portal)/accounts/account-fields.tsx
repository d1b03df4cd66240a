import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ZodType } from "zod";
import { ApiFailure, issuesByField } from "@/components/api-client";
import { Field, TextField } from "@/components/form-field";
import type { FieldErrors } from "@/lib/errors";

// The fields an admin sets when registering an account and may change later: alias, owning team, regions, role name.

export type Team = { id: string; name: string; kind: "application" | "platform" };
export type AccountFieldValues = { alias: string; owningTeamId: string; regions: string; roleName: string };

/** Moves focus to the first field with an error, in the order the form shows them. */
function focusFirstError(errors: FieldErrors, order: readonly string[]) {
  const first = order.find((field) => errors[field]);
  if (first) document.getElementById(`account-${first}`)?.focus();
}

/**
 * A refusal's field errors. A conflict with what exists (409: the account is already registered) names the existing
 * thing only in its message, since a field error carries no values: that message stands on the field.
 */
function fieldErrorsOf(failure: ApiFailure): FieldErrors {
  if (failure.status !== 409) return failure.fieldErrors;
  return Object.fromEntries(Object.keys(failure.fieldErrors).map((field) => [field, [failure.message]]));
}

/**
 * The submit cycle of both account forms: check the values with the server's own schema, send them, and show field
 * errors (the browser's or the server's) next to their fields with focus on the first. `failure` is an error that
 * belongs to no field.
 */
export function useAccountSubmit<Input, Result>(options: {
  schema: ZodType<Input>;
  fieldOrder: readonly string[];
  send: (input: Input) => Promise<Result>;
  onSuccess: (result: Result) => void;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    focusFirstError(found, options.fieldOrder);
  };
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: options.onSuccess,
    onError: (error) => {
      if (error instanceof ApiFailure) showErrors(fieldErrorsOf(error));
    },
  });
  const submit = (values: unknown) => {
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) return showErrors(issuesByField(parsed.error));
    setErrors({});
    mutation.mutate(parsed.data);
  };
  const { error } = mutation;
  const failure =
    error && !(error instanceof ApiFailure && Object.keys(error.fieldErrors).length > 0) ? error.message : undefined;
  return { errors, submit, pending: mutation.isPending, failure };
}

const textFields = ["alias", "regions", "roleName"] as const;

export function AccountFields(props: {
  kind: Team["kind"];
  teams: Team[];
  values: AccountFieldValues;
  errors: FieldErrors;
  onChange: (field: keyof AccountFieldValues, value: string) => void;
}) {
  const { kind, values, errors } = props;
  const t = useTranslations("accounts.fields");
  const text = (field: (typeof textFields)[number]) => (
    <TextField
      id={`account-${field}`}
      label={t(field)}
      hint={t(`${field}Hint`)}
      errors={errors[field]}
      value={values[field]}
      onChange={(value) => props.onChange(field, value)}
    />
  );
  const [alias, regions, roleName] = textFields.map(text);
  return (
    <>
      {alias}
      <Field
        id="account-owningTeamId"
        label={t("owningTeam")}
        hint={t("owningTeamHint", { kind })}
        errors={errors.owningTeamId}
      >
        {(aria) => (
          <select
            {...aria}
            value={values.owningTeamId}
            onChange={(event) => props.onChange("owningTeamId", event.target.value)}
          >
            <option value="">{t("chooseTeam")}</option>
            {props.teams
              .filter((team) => team.kind === kind)
              .map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {regions}
      {roleName}
    </>
  );
}
