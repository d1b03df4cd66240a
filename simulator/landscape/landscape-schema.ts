import { z } from "zod";

// The declarative description of a simulated AWS estate: accounts, the identities that may call in, the roles they
// may assume, and (extended by the network section) what already exists in each account.

const accountIdSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit account id");

const roleSchema = z.object({
  name: z.string().min(1),
  externalId: z.string().optional(),
  trustedPrincipals: z.array(z.string()).min(1),
  allowedActions: z.array(z.string()),
  maxSessionSeconds: z.number().int().min(3600).max(43200).default(3600),
});

const accountSchema = z.object({
  accountId: accountIdSchema,
  alias: z.string(),
  region: z.string(),
  availabilityZones: z.array(z.object({ zoneName: z.string(), zoneId: z.string() })).min(1),
  roles: z.array(roleSchema).default([]),
});

export const landscapeSchema = z.object({
  /** The portal's own identity (in production: its ECS task role or IRSA role). */
  portal: z.object({
    accountId: accountIdSchema,
    roleName: z.string(),
    accessKeyId: z.string().regex(/^AKIA[A-Z0-9]{16}$/),
    secretAccessKey: z.string().min(20),
  }),
  accounts: z.array(accountSchema).min(1),
});

export type Landscape = z.infer<typeof landscapeSchema>;
export type LandscapeAccount = z.infer<typeof accountSchema>;
