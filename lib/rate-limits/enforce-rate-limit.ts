import { countHit } from "./count-hit";
import { rateLimitRule, type RateLimitName } from "./rate-limit-rules";
import type { Db } from "@/lib/db/client";
import { env as processEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Counts one request of `subject` (a user id, a client address, an email) against the limit, and throws a 429
 * AppError carrying Retry-After once the window's count is past it.
 */
export async function enforceRateLimit(
  db: Db,
  name: RateLimitName,
  subject: string,
  options: { now?: Date; env?: Env } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const rule = rateLimitRule(name, options.env ?? processEnv());
  const hit = await countHit(db, { key: `${name}:${subject}`, windowSeconds: rule.windowSeconds, now });
  if (hit.count <= rule.limit) return;
  const windowEnd = hit.windowStart.getTime() + rule.windowSeconds * 1000;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
  throw new AppError(
    "RATE_LIMITED",
    // One message per limit ("errors.rateLimits.signIns"), naming what was limited in each language.
    { key: `errors.rateLimits.${name}`, values: { limit: rule.limit, seconds: retryAfterSeconds } },
    { retryAfterSeconds },
  );
}
