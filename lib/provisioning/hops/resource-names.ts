// Names and tokens that make creates idempotent: a retry finds (or AWS returns) the resource its first attempt made.

/** The tag every resource created for a request carries. */
export const requestTag = "gatehouse:request-id";

/** ELBv2 names: at most 32 characters, alphanumerics and hyphens; deterministic so a retry finds its own resource. */
export function loadBalancerResourceName(requestId: string, suffix: "nlb" | "tg"): string {
  const stem = requestId
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 32 - "gh--".length - suffix.length);
  return `gh-${stem}-${suffix}`;
}

/**
 * EC2 ClientToken: at most 64 ASCII characters, one per run and step. Per run, not per request: EC2 remembers a token
 * after its resource is deleted, so provisioning again after a rollback needs new ones.
 */
export function clientToken(runId: string, step: string): string {
  return `gh-${runId}-${step}`.slice(0, 64);
}
