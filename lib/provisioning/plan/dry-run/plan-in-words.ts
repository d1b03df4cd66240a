import { checkTextIn } from "./check-list";
import type { DryRunResult } from "./dry-run-exposure";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The plan with its catalogue keys put into words, for the API's machine clients (the CLI prints a blocker's message
 * and fix): the same JSON shape as before plans were stored as keys, each text a string in `locale`.
 */
export function planInWords(plan: DryRunResult, locale: Locale): DryRunResult {
  return {
    ...plan,
    checks: plan.checks.map(({ message, fix, ...check }) => ({
      ...check,
      message: checkTextIn(message, locale),
      ...(fix ? { fix: checkTextIn(fix, locale) } : {}),
    })),
    steps: plan.steps.map((step) => ({ ...step, title: checkTextIn(step.title, locale) })),
    ...(plan.placement ? { placement: { ...plan.placement, reason: checkTextIn(plan.placement.reason, locale) } } : {}),
  };
}
