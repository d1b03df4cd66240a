import type { Throttle } from "./profiles";

/** Token buckets per "account|bucket", refilled continuously. */
export class ThrottleBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  /** Takes one token; false when the bucket is empty (the caller answers with the service's throttling error). */
  take(key: string, limit: Throttle, now: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
    const refilled = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.ratePerSecond);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, updatedAt: now });
    return allowed;
  }
}
