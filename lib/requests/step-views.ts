import { parseAttemptLog, type AttemptRecord } from "@/lib/provisioning/engine/attempt-log";
import { defaultLocale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { Translatable } from "@/lib/i18n/translatable";
import { fixOf, type StoredFix } from "@/lib/provisioning/engine/stored-fix";
import { hopTitleOf } from "@/lib/provisioning/hops/hop-titles";
import { chainHopOf } from "@/lib/provisioning/hops/registry";
import type { ProvisioningStep } from "@/lib/generated/prisma/client";

// A run's steps as the request page shows them: in the order they first started, each with its attempt log (for the
// waterfall), the AWS calls its hop makes, what it recorded, why it waits and how it failed.

export type StepView = {
  stepId: string;
  title: string;
  status: string;
  attempts: number;
  dependsOn: string[];
  /** The first attempt's start (the row's startedAt is the latest attempt's). */
  firstStartedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  attemptLog: AttemptRecord[];
  /** The AWS calls the hop makes, as the plan lists them. */
  calls: string[];
  /** What the step recorded (IDs, names, URLs). */
  outputs: Record<string, string>;
  waitingFor?: string;
  error?: StepError;
};
/**
 * `message` as AWS (or Gatehouse) wrote it; `fix` in English (the CLI prints it); `fixMessage` the same fix for
 * <TranslatedText> in the reader's language (a plain string for failures stored before fixes had keys).
 */
export type StepError = {
  hop: string;
  message: string;
  awsError?: string;
  fix?: string;
  fixMessage?: Translatable | string;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

// A step's recorded values as shown to people: its IDs, names and URLs (the engine's own bookkeeping, such as a
// reserved call slot's time, is a number and left out).
function shownOutputs(outputs: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((outputs as Record<string, unknown> | null) ?? {}).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value]] : Array.isArray(value) ? [[key, value.join(", ")]] : [],
    ),
  );
}

/** English, as the CLI prints it; the page names a step by its id in the reader's language (hops.*). */
function titleOf(stepId: string): string {
  const title = hopTitleOf(stepId);
  return typeof title === "string" ? stepId.replace(".", ": ") : translate(title, defaultLocale);
}

export function stepViewsOf(steps: readonly ProvisioningStep[]): StepView[] {
  return steps
    .map((step) => ({ step, attemptLog: parseAttemptLog(step.attemptLog) }))
    .map(({ step, attemptLog }) => ({
      step,
      attemptLog,
      firstStart: attemptLog[0]?.start ?? step.startedAt?.getTime(),
    }))
    .sort((left, right) => (left.firstStart ?? Infinity) - (right.firstStart ?? Infinity))
    .map(({ step, attemptLog, firstStart }) => {
      const error = step.error as (Partial<StepError & StoredFix> & { waitingFor?: string }) | null;
      return {
        stepId: step.stepId,
        title: titleOf(step.stepId),
        status: step.status,
        attempts: step.attempts,
        dependsOn: step.dependsOn,
        firstStartedAt: firstStart === undefined ? null : new Date(firstStart).toISOString(),
        attemptLog,
        calls: chainHopOf(step.stepId)?.calls ?? [],
        outputs: shownOutputs(step.outputs),
        startedAt: iso(step.startedAt),
        finishedAt: iso(step.finishedAt),
        ...(step.status === "waiting" && error?.waitingFor ? { waitingFor: error.waitingFor } : {}),
        ...(step.status === "failed" && error
          ? {
              error: {
                hop: error.hop ?? step.stepId,
                message: error.message ?? "failed",
                awsError: error.awsError,
                fix: error.fix,
                fixMessage: fixOf(error),
              },
            }
          : {}),
      };
    });
}
