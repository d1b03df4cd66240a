import type { Env } from "@/lib/env";

// The limits per user (per client and per email for sign-in) on what makes Gatehouse call AWS or check a credential.
// Each protects an account's AWS API quota, which every team shares, from one user's loop or script. Counted per
// fixed minute; the numbers come from the environment (lib/env.ts, README "Configuration").

export const rateLimitNames = ["previews", "discovery", "testInvokes", "verifications", "signIns"] as const;
export type RateLimitName = (typeof rateLimitNames)[number];

export type RateLimitRule = { limit: number; windowSeconds: number };

export const rateLimitWindowSeconds = 60;

export function rateLimitRule(name: RateLimitName, env: Env): RateLimitRule {
  const limits: Record<RateLimitName, number> = {
    previews: env.GATEHOUSE_RATE_LIMIT_PREVIEWS_PER_MINUTE,
    discovery: env.GATEHOUSE_RATE_LIMIT_DISCOVERY_PER_MINUTE,
    testInvokes: env.GATEHOUSE_RATE_LIMIT_TEST_INVOKES_PER_MINUTE,
    verifications: env.GATEHOUSE_RATE_LIMIT_VERIFICATIONS_PER_MINUTE,
    signIns: env.GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE,
  };
  return { limit: limits[name], windowSeconds: rateLimitWindowSeconds };
}
