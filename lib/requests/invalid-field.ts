import { AppError } from "@/lib/errors";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";

/**
 * A request field the server refuses: the message (with its values: the region, the hub) answers the call, and the
 * field carries a "validation." key the API and the form put into the reader's language.
 */
export function invalidField(
  field: string,
  fieldMessage: MessageKey & `validation.requests.${string}`,
  message: Translatable = { key: fieldMessage },
): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { [field]: [fieldMessage] } });
}
