import type { Db } from "@/lib/db/client";

// A token stops working when its owner has not signed in through the IdP (or the demo sign-in) for
// GATEHOUSE_TOKEN_IDLE_DAYS: someone who left and was removed from the IdP cannot keep acting through a token.

const dayMs = 24 * 60 * 60 * 1000;

/** When the owner's tokens stop for idleness: their last sign-in (or, never signed in, their creation) + idle days. */
export function tokenIdleStopsAt(owner: { lastSignInAt: Date | null; createdAt: Date }, idleDays: number): Date {
  return new Date((owner.lastSignInAt ?? owner.createdAt).getTime() + idleDays * dayMs);
}

/** The date the user's tokens stop for idleness unless they sign in again before it. */
export async function findTokenIdleStop(db: Db, userId: string, idleDays: number): Promise<Date> {
  return tokenIdleStopsAt(await db.user.findUniqueOrThrow({ where: { id: userId } }), idleDays);
}
