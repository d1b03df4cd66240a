import { z } from "zod";
import { partitionForRegion, type Partition } from "@/lib/aws/partition";

// What an admin types to register an AWS account; the same schema validates the form in the browser and the body on
// the server. Every rule names the reason, so the message next to the field tells the admin what to fix.

const regionPattern =
  /^(us|eu|ap|sa|ca|me|af|il|mx|cn)-(north|south|east|west|central|northeast|southeast|northwest|southwest)-[1-9]$/;

export const regionSchema = z
  .string()
  .trim()
  .regex(regionPattern, "Use an AWS region code such as eu-west-1 (GovCloud is not supported).");

export const accountKinds = ["application", "platform"] as const;
export type AccountKind = (typeof accountKinds)[number];

export const registerAccountSchema = z.object({
  accountId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, "An AWS account ID is exactly 12 digits, e.g. 123456789012."),
  alias: z
    .string()
    .trim()
    .min(3, "At least 3 characters.")
    .max(63, "At most 63 characters.")
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "Lowercase letters, digits and hyphens, not at the start or end."),
  kind: z.enum(accountKinds, "Choose application or platform."),
  owningTeamId: z.string().trim().min(1, "Choose the team that owns the account.").max(64, "Unknown team."),
  regions: z
    .array(regionSchema)
    .min(1, "Name at least one region.")
    .max(20, "At most 20 regions.")
    .refine((regions) => new Set(regions.map(partitionForRegion)).size <= 1, {
      message: "China regions (cn-…) live in their own partition; register them as a separate account.",
    })
    .transform((regions) => [...new Set(regions)]),
  roleName: z
    .string()
    .trim()
    .min(1, "Name the role Gatehouse assumes.")
    .max(64, "IAM role names are at most 64 characters.")
    .regex(/^[\w+=,.@-]+$/, "IAM role names use letters, digits and + = , . @ _ - only."),
});

// What an admin may change on a registered account. The account ID and kind are what the account is: sending either is
// refused on that field rather than ignored, so a client never believes it changed them.
export const editAccountSchema = registerAccountSchema
  .pick({ alias: true, owningTeamId: true, regions: true, roleName: true })
  .extend({
    accountId: z.never({ error: "The account ID cannot change; register the other account instead." }).optional(),
    kind: z.never({ error: "The kind cannot change; register the account again with the other kind." }).optional(),
  })
  .strict();

export type EditAccountInput = z.input<typeof editAccountSchema>;
export type EditAccount = z.output<typeof editAccountSchema>;

export type RegisterAccountInput = z.input<typeof registerAccountSchema>;
export type RegisterAccount = z.output<typeof registerAccountSchema>;

/** Splits what an admin typed into the regions field ("eu-west-1, eu-central-1") into region codes. */
export function splitRegions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((region) => region.trim())
    .filter(Boolean);
}

export function partitionOfRegions(regions: readonly string[]): Partition {
  return partitionForRegion(regions[0] ?? "");
}

export function roleArnFor(account: { accountId: string; roleName: string; regions: readonly string[] }): string {
  return `arn:${partitionOfRegions(account.regions)}:iam::${account.accountId}:role/${account.roleName}`;
}

/** The role name back from a stored role ARN (`arn:…:role/path/name` → `name`). */
export function roleNameOf(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf("/") + 1);
}
