import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { initialDraft, validate, type Draft } from "./request-draft";
import type { FieldErrors as FieldErrorMap } from "@/lib/errors";
import type { WizardOptions } from "@/lib/requests/wizard-options";

// The draft's state: a field shows the schema's error once touched, the server's until the next change.

export type DraftForm = ReturnType<typeof useDraftForm>;

export function useDraftForm(options: WizardOptions) {
  const t = useTranslations("errors.requests");
  const [draft, setDraft] = useState<Draft>(() => initialDraft(options));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrorMap>({});
  const clientErrors = useMemo(
    () => validate(draft, options.hubs, (region) => t("noHub", { region })),
    [draft, options.hubs, t],
  );
  const update = (changes: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setTouched((current) => new Set([...current, ...Object.keys(changes)]));
    setServerErrors({});
  };
  return {
    draft,
    clientErrors,
    update,
    setServerErrors,
    errorsOf: (field: string) => (touched.has(field) ? clientErrors[field] : undefined) ?? serverErrors[field],
    /** The value and change handler of an input bound to `field`. */
    bind: (field: keyof Draft) => ({
      value: draft[field],
      onChange: (event: { target: { value: string } }) => update({ [field]: event.target.value }),
    }),
    showAllErrors: () => setTouched(new Set(Object.keys(draft))),
  };
}
