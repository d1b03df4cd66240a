import { closeGrant } from "./revoke-access-grant";
import { recordGrantChange } from "./record-grant-change";
import { systemActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

// The scheduled side of end dates: a week before a grant ends both teams are told (once), and a grant past its end
// date is closed as expired, which takes its endpoint out of the resource policy on the next reconcile.

export const expiryNoticeDays = 7;

export type ExpiryOutcome = { noticed: string[]; expired: { grantId: string; requestId: string }[] };

export async function expireAccessGrants(db: Db, now = new Date()): Promise<ExpiryOutcome> {
  const noticeBefore = new Date(now.getTime() + expiryNoticeDays * 24 * 60 * 60 * 1000);
  const outcome: ExpiryOutcome = { noticed: [], expired: [] };
  const due = await db.accessGrant.findMany({
    where: { status: "approved", endsAt: { lte: now } },
    select: { id: true, requestId: true },
  });
  for (const { id, requestId } of due) {
    // One transaction per grant: a grant revoked meanwhile (CONFLICT) does not hold up the others.
    const closed = await db
      .$transaction((tx) => closeGrant(tx, id, "expired", systemActor))
      .then(() => true)
      .catch(() => false);
    if (closed) outcome.expired.push({ grantId: id, requestId });
  }
  const ending = await db.accessGrant.findMany({
    where: { status: "approved", expiryNoticeSentAt: null, endsAt: { gt: now, lte: noticeBefore } },
    include: { request: true },
  });
  for (const { request: exposure, ...grant } of ending) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.accessGrant.updateMany({
        where: { id: grant.id, expiryNoticeSentAt: null },
        data: { expiryNoticeSentAt: now },
      });
      if (count === 0) return;
      await recordGrantChange(tx, {
        event: "expiring",
        grant,
        exposure,
        actor: systemActor,
        comment: `${grant.vpcEndpointId} loses access on ${grant.endsAt?.toISOString().slice(0, 10)}`,
      });
      outcome.noticed.push(grant.id);
    });
  }
  return outcome;
}
