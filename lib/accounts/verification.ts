import { z } from "zod";

// The stored result of verifying an account's role: one line per permission, what passed and what is missing with
// the fix. Stored as JSON on the account, read back through this schema.

export const checkStatuses = ["passed", "missing", "inconclusive", "not_checked"] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const permissionCheckSchema = z.object({
  action: z.string(),
  status: z.enum(checkStatuses),
  /** What Gatehouse did and what AWS answered. */
  detail: z.string(),
  /** For a missing permission: what to change. */
  fix: z.string().optional(),
});
export type PermissionCheck = z.infer<typeof permissionCheckSchema>;

export const verificationSchema = z.object({
  checkedAt: z.iso.datetime(),
  roleArn: z.string(),
  region: z.string(),
  ok: z.boolean(),
  checks: z.array(permissionCheckSchema),
});
export type Verification = z.infer<typeof verificationSchema>;

export function parseVerification(stored: unknown): Verification | null {
  const parsed = verificationSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** An account is verified when no needed permission is missing (and the role could be assumed). */
export function isVerified(checks: readonly PermissionCheck[]): boolean {
  return checks.every((check) => check.status !== "missing");
}
