import { z } from "zod";
import { partitionForRegion, type Partition } from "@/lib/aws/partition";

// What an admin types to register an AWS account; the same schema validates the form in the browser and the body on
// the server. Every rule names the reason, so the message next to the field tells the admin what to fix; each message
// is a catalogue key (messages/*.json, "validation.accounts.*") put into words where it is shown.

const regionPattern =
  /^(us|eu|ap|sa|ca|me|af|il|mx|cn)-(north|south|east|west|central|northeast|southeast|northwest|southwest)-[1-9]$/;

export const regionSchema = z.string().trim().regex(regionPattern, "validation.accounts.region");

export const accountKinds = ["application", "platform"] as const;
export type AccountKind = (typeof accountKinds)[number];

export const registerAccountSchema = z.object({
  accountId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, "validation.accounts.accountId"),
  alias: z
    .string()
    .trim()
    .min(3, "validation.accounts.aliasMin")
    .max(63, "validation.accounts.aliasMax")
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "validation.accounts.aliasPattern"),
  kind: z.enum(accountKinds, "validation.accounts.kind"),
  owningTeamId: z.string().trim().min(1, "validation.accounts.owningTeam").max(64, "validation.accounts.unknownTeam"),
  regions: z
    .array(regionSchema)
    .min(1, "validation.accounts.regionsMin")
    .max(20, "validation.accounts.regionsMax")
    .refine((regions) => new Set(regions.map(partitionForRegion)).size <= 1, {
      message: "validation.accounts.onePartition",
    })
    .transform((regions) => [...new Set(regions)]),
  roleName: z
    .string()
    .trim()
    .min(1, "validation.accounts.roleName")
    .max(64, "validation.accounts.roleNameMax")
    .regex(/^[\w+=,.@-]+$/, "validation.accounts.roleNamePattern"),
});

// What an admin may change on a registered account. The account ID and kind are what the account is: sending either is
// refused on that field rather than ignored, so a client never believes it changed them.
export const editAccountSchema = registerAccountSchema
  .pick({ alias: true, owningTeamId: true, regions: true, roleName: true })
  .extend({
    accountId: z.never({ error: "validation.accounts.accountIdFixed" }).optional(),
    kind: z.never({ error: "validation.accounts.kindFixed" }).optional(),
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
