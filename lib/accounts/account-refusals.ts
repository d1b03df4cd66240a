import type { AccountKind } from "./account-schemas";
import { AppError } from "@/lib/errors";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";

// Refusals of an account's registration or change that belong to one field. A field error is a catalogue key without
// values (the API and the form put it into words); `message`, when it names a value, says the same with that value.

type AccountValidationKey = Extract<MessageKey, `validation.accounts.${string}`>;

export function fieldError(field: string, key: AccountValidationKey, message: Translatable = { key }): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { [field]: [key] } });
}

/** The refusal of an owning team of the other kind. */
export const teamOfKind = {
  application: "validation.accounts.applicationTeam",
  platform: "validation.accounts.platformTeam",
} as const satisfies Record<AccountKind, AccountValidationKey>;
