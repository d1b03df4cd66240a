import { z } from "zod";
import type { ProvisioningStep } from "@/lib/generated/prisma/client";

// What each attempt of a step did, appended to the step's row as the attempt ends (with the status change it causes,
// in the same write): when it ran, how it ended, and how long of it was spent asleep waiting for an API Gateway call
// slot. The waterfall on the request page is drawn from it.

export const attemptOutcomes = ["done", "aws", "slot", "retry", "failed"] as const;
/**
 * done / failed: the step ended. aws: it waits for a transition it polls for in AWS. slot: it waits for its turn for
 * a rate-limited API Gateway call. retry: it backs off after a transient error (throttling, 5xx, a read lagging a write).
 */
export type AttemptOutcome = (typeof attemptOutcomes)[number];

const attemptRecordSchema = z.object({
  start: z.number(),
  end: z.number(),
  outcome: z.enum(attemptOutcomes),
  reason: z.string().optional(),
  /** Slept inside the attempt until the reserved call slot (short waits are slept rather than handed back). */
  slotMs: z.number().optional(),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

/** The stored log, read back; a row from before the log existed (or a malformed one) has none. */
export function parseAttemptLog(stored: unknown): AttemptRecord[] {
  const parsed = z.array(attemptRecordSchema).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** The step's log with `attempt` appended. */
export function withAttempt(step: Pick<ProvisioningStep, "attemptLog">, attempt: AttemptRecord): AttemptRecord[] {
  return [...parseAttemptLog(step.attemptLog), attempt];
}
