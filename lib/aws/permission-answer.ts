import { isAccessDenied } from "./access-denied";

// The one judge of what AWS's answer to a permission probe proves. Account verification and the request dry run both
// ask it, so the same answer never means "passed" on one page and "unconfirmed" on another.
// A permission is proven only by EC2's DryRunOperation or by a read that AWS answered (a read of a probe resource that
// does not exist counts: AWS authorizes the call before it looks the resource up). A DryRun call that succeeds
// proves nothing: it was not treated as a dry run, so what it says about the permission is unknown.

/** How the probe asked: an EC2 mutation with `DryRun: true`, or a plain read. */
export type ProbeKind = "dryRun" | "read";

export type PermissionVerdict = { verdict: "allowed" | "denied" | "unknown"; detail: string };

export type ProbeAnswer = { ok: true } | { ok: false; error: unknown };

export function judgePermissionAnswer(kind: ProbeKind, answer: ProbeAnswer): PermissionVerdict {
  if (answer.ok) {
    return kind === "read"
      ? { verdict: "allowed", detail: "The read was answered." }
      : {
          verdict: "unknown",
          detail: "AWS answered the DryRun call without DryRunOperation; the permission is unconfirmed.",
        };
  }
  const { error } = answer;
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "DryRunOperation") return { verdict: "allowed", detail: "EC2 DryRun: the call would have succeeded." };
  if (isAccessDenied(error)) return { verdict: "denied", detail: `${name}: ${message}` };
  // Service Quotas says NoSuchResourceException where the others say NotFound.
  if (kind === "read" && /NotFound|NoSuchResource/i.test(name)) {
    return { verdict: "allowed", detail: `Allowed (AWS looked for a probe resource: ${name}).` };
  }
  return { verdict: "unknown", detail: `${name}: ${message}` };
}

/** Makes the probe call and judges the answer; never throws. */
export async function probePermission(kind: ProbeKind, call: () => Promise<unknown>): Promise<PermissionVerdict> {
  try {
    await call();
    return judgePermissionAnswer(kind, { ok: true });
  } catch (error) {
    return judgePermissionAnswer(kind, { ok: false, error });
  }
}
