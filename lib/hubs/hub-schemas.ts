import { z } from "zod";
import { regionSchema } from "@/lib/accounts/account-schemas";

// The platform hub an admin configures: where every exposure's platform resources live. The same schemas check the
// form in the browser and the body on the server; the server then re-checks each ID against the live account.

const awsId = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `Pick a ${what} from the list (${prefix}-…).`);

export const linkModes = ["v1", "v2"] as const;
export type LinkMode = (typeof linkModes)[number];
/** A new hub's link mode when none is chosen: AWS labels the REST VPC link V1 "legacy" (aws-chain-facts §10.1). */
export const defaultLinkMode: LinkMode = "v2";

export const linkModeExplanations: Record<LinkMode, { title: string; tradeOff: string }> = {
  v1: {
    title: "V1 (legacy): a dedicated NLB and REST VPC link per exposure",
    tradeOff:
      "Each API gets its own NLB and VPC link, so exposures are isolated from each other, but AWS now calls these links legacy and recommends against new ones, one V1 link serves one NLB, and AWS allows 20 V1 VPC links per account and region by default: the hub holds about 20 APIs until the quota is raised.",
  },
  v2: {
    title: "V2 (recommended): one shared VPC link for the whole hub",
    tradeOff:
      "All APIs share one API Gateway v2 VPC link in the hub's subnets (AWS's recommendation for private integrations since November 2025); each integration names its exposure's platform NLB as its integrationTarget, so the link quota no longer caps the hub and every exposure still gets its own NLB. The link cannot change subnets or security groups once created, and goes INACTIVE after 60 days without traffic.",
  },
};

export const hubLocationSchema = z.object({
  accountId: z.string().trim().min(1, "Choose the platform account.").max(64, "Unknown account."),
  region: regionSchema,
});

export const hubNetworkSchema = hubLocationSchema.extend({
  vpcId: awsId("vpc", "VPC"),
  subnetIds: z
    .array(awsId("subnet", "subnet"))
    .min(2, "Pick at least two subnets, in two Availability Zones.")
    .max(6, "At most 6 subnets."),
  securityGroupIds: z
    .array(awsId("sg", "security group"))
    .min(1, "Pick at least one security group.")
    .max(5, "At most 5 security groups."),
});

export const configureHubSchema = hubNetworkSchema.extend({
  executeApiEndpointId: awsId("vpce", "execute-api endpoint"),
  // Optional in the API: a new hub then gets defaultLinkMode, an existing hub keeps its mode.
  linkMode: z.enum(linkModes, "Choose link mode V1 or V2.").optional(),
});

export type HubLocation = z.infer<typeof hubLocationSchema>;
export type HubNetwork = z.infer<typeof hubNetworkSchema>;
export type ConfigureHub = z.infer<typeof configureHubSchema>;

/** Drain (no new placements) or return a hub to placement. */
export const drainHubSchema = z.object({
  drained: z.boolean({ error: "Say whether the hub is drained (true or false)." }),
});

/** Pin a team to a hub (its new exposures in the hub's region go there) or remove the pin. */
export const pinTeamSchema = z.object({
  teamId: z.string({ error: "Choose a team." }).trim().min(1, "Choose a team.").max(64, "Unknown team."),
  pinned: z.boolean({ error: "Say whether the team is pinned (true or false)." }),
});
