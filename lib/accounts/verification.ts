import { z } from "zod";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";

// The stored result of verifying an account's role: one line per permission, what passed and what is missing with
// the fix. Stored as JSON on the account, read back through this schema. Gatehouse's own words are stored as catalogue
// keys with values and put into the reader's language when shown; what AWS answered is stored as AWS wrote it.

/** A check's text: Gatehouse's (a catalogue key with values) or AWS's own (plain text, as AWS wrote it). */
const checkTextSchema = z.union([
  z.string(),
  z.object({
    key: z.custom<MessageKey>((key) => typeof key === "string"),
    values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]) satisfies z.ZodType<string | Translatable>;
/** Stored as JSON, so its values are strings and numbers only. */
export type CheckText = z.infer<typeof checkTextSchema>;

export const checkStatuses = ["passed", "missing", "inconclusive", "not_checked"] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const permissionCheckSchema = z.object({
  action: z.string(),
  status: z.enum(checkStatuses),
  /** What Gatehouse did and what AWS answered. */
  detail: checkTextSchema,
  /** For a missing permission: what to change. */
  fix: checkTextSchema.optional(),
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
