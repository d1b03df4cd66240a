import type { PacedOperation } from "../engine/api-call-pacing";
import { wait, type StepContext, type WaitOutcome } from "../engine/step-runtime";

// API Gateway takes no idempotency token and API names are not unique, so every create looks for its resource by tag
// first and records the ID the moment AWS returns it.

/**
 * Finds the step's resource by its recorded ID or by tag, else creates it. A create that failed ambiguously (a 5xx
 * after AWS made the change, a lost connection) is not repeated until API Gateway's lists have had `createSettleMs`
 * to show what it made: API Gateway has no idempotency token, and a blind retry would build a twin. A create AWS
 * refused outright (4xx: throttled, invalid) made nothing, so its retry need not wait. Rate-limited creates wait for
 * their turn first. Returns the ID, or the outcome to return while the step cannot have it yet.
 */
export async function findOrCreate(
  context: StepContext,
  key: string,
  find: () => Promise<string | undefined>,
  create: () => Promise<string | undefined>,
  operation?: PacedOperation,
): Promise<string | WaitOutcome> {
  const recorded = context.previous[key];
  if (typeof recorded === "string") return recorded;
  const found = await find();
  if (found) {
    await context.record({ [key]: found });
    return found;
  }
  const attemptedAt = context.previous[`${key}AttemptedAt`];
  if (typeof attemptedAt === "number" && Date.now() - attemptedAt < context.createSettleMs) {
    return wait(`waiting for API Gateway to list the ${key} an interrupted create may have made`, 2_000);
  }
  const turn = operation && (await context.awaitTurn(operation));
  if (turn) return turn;
  await context.record({ [`${key}AttemptedAt`]: Date.now() });
  const created = await create().catch(async (error: unknown) => {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== undefined && status >= 400 && status < 500) await context.record({ [`${key}AttemptedAt`]: 0 });
    throw error;
  });
  if (!created) throw new Error(`API Gateway returned no ${key}`);
  await context.record({ [key]: created });
  return created;
}
