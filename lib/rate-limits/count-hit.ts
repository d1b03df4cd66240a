import type { Db } from "@/lib/db/client";

// One hit on a rate-limited key, counted in PostgreSQL so that every web process shares the count. A fixed window:
// the count of the window `now` falls in, started again by the first hit of a new window.

export type Hit = { count: number; windowStart: Date };

export function windowStartOf(now: Date, windowSeconds: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Counts one hit and returns the window's count including it. One statement: concurrent hits never lose a count. */
export async function countHit(db: Db, input: { key: string; windowSeconds: number; now: Date }): Promise<Hit> {
  const windowStart = windowStartOf(input.now, input.windowSeconds);
  // A process whose clock lags a little behind may send an older window: it counts into the newer one rather than
  // resetting it.
  const rows = await db.$queryRaw<Hit[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${input.key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" >= EXCLUDED."windowStart" THEN "RateLimitCounter"."count" + 1 ELSE 1 END,
      "windowStart" = GREATEST("RateLimitCounter"."windowStart", EXCLUDED."windowStart")
    RETURNING "count", "windowStart"`;
  const hit = rows[0];
  if (!hit) throw new Error(`no rate-limit count for ${input.key}`);
  return hit;
}
