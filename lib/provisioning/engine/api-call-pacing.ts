import type { Db } from "@/lib/db/client";

// API Gateway's control plane allows some calls only at fixed rates per account (DESIGN §3). Fifty approvals at once
// would otherwise send fifty CreateRestApi calls of which one succeeds and the rest are throttled, backed off and
// retried, again and again. Instead each call reserves the next free slot on its account's timeline for that
// operation, in the database so that every worker process shares it, and goes out at that moment.

/** The minimum spacing AWS documents between two calls of the operation in one account and region. */
export const pacedOperations = {
  CreateRestApi: 3_000,
  CreateDeployment: 5_000,
  CreateVpcLinkV2: 15_000,
} as const;
export type PacedOperation = keyof typeof pacedOperations;

// A call leaves a little after its slot (scheduling, a connection to open) and the next one may leave right on time;
// AWS's bucket forgives no early arrival, so slots are spaced a tenth wider than the documented rate.
const spacingMargin = 1.1;

/** Reserves the next slot for `operation` in the account and region: the returned time is this caller's alone. */
export async function reserveCallSlot(
  db: Db,
  input: { accountId: string; region: string; operation: PacedOperation; now: Date; timeScale?: number },
): Promise<Date> {
  const key = `${input.accountId}/${input.region}/${input.operation}`;
  const intervalMs = (pacedOperations[input.operation] * spacingMargin) / (input.timeScale ?? 1);
  // One statement, so two workers reserving at once get consecutive slots (the row lock orders them).
  const rows = await db.$queryRaw<{ slotAt: Date }[]>`
    INSERT INTO "ApiCallSlot" ("key", "nextAt") VALUES (${key}, ${input.now}::timestamp + ${intervalMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET "nextAt" = GREATEST("ApiCallSlot"."nextAt", ${input.now}::timestamp) + ${intervalMs} * interval '1 millisecond'
    RETURNING "nextAt" - ${intervalMs} * interval '1 millisecond' AS "slotAt"`;
  const slot = rows[0]?.slotAt;
  if (!slot) throw new Error(`no call slot reserved for ${key}`);
  return slot;
}
