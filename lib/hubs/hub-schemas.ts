import { z } from "zod";
import { regionSchema } from "@/lib/accounts/account-schemas";
import type en from "@/messages/en.json";

// The platform hub an admin configures: where every exposure's platform resources live. The same schemas check the
// form in the browser and the body on the server; the server then re-checks each ID against the live account. Their
// messages are catalogue keys ("validation.hubs.*"), put into words where they are shown; each link mode's title and
// trade-off are the catalogue's "hubs.linkModes.<mode>".

const awsId = (prefix: string, message: ValidationKey) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), message);

type ValidationKey = `validation.hubs.${keyof typeof en.validation.hubs}`;

export const linkModes = ["v1", "v2"] as const;
export type LinkMode = (typeof linkModes)[number];
/** A new hub's link mode when none is chosen: AWS labels the REST VPC link V1 "legacy" (aws-chain-facts §10.1). */
export const defaultLinkMode: LinkMode = "v2";

export const hubLocationSchema = z.object({
  accountId: z.string().trim().min(1, "validation.hubs.chooseAccount").max(64, "validation.hubs.unknownAccount"),
  region: regionSchema,
});

export const hubNetworkSchema = hubLocationSchema.extend({
  vpcId: awsId("vpc", "validation.hubs.pickVpc"),
  subnetIds: z
    .array(awsId("subnet", "validation.hubs.pickSubnet"))
    .min(2, "validation.hubs.subnetsMin")
    .max(6, "validation.hubs.subnetsMax"),
  securityGroupIds: z
    .array(awsId("sg", "validation.hubs.pickSecurityGroup"))
    .min(1, "validation.hubs.securityGroupsMin")
    .max(5, "validation.hubs.securityGroupsMax"),
});

export const configureHubSchema = hubNetworkSchema.extend({
  executeApiEndpointId: awsId("vpce", "validation.hubs.pickEndpoint"),
  // Optional in the API: a new hub then gets defaultLinkMode, an existing hub keeps its mode.
  linkMode: z.enum(linkModes, "validation.hubs.linkMode").optional(),
});

export type HubLocation = z.infer<typeof hubLocationSchema>;
export type HubNetwork = z.infer<typeof hubNetworkSchema>;
export type ConfigureHub = z.infer<typeof configureHubSchema>;

/** Drain (no new placements) or return a hub to placement. */
export const drainHubSchema = z.object({
  drained: z.boolean({ error: "validation.hubs.drained" }),
});

/** Pin a team to a hub (its new exposures in the hub's region go there) or remove the pin. */
export const pinTeamSchema = z.object({
  teamId: z
    .string({ error: "validation.hubs.chooseTeam" })
    .trim()
    .min(1, "validation.hubs.chooseTeam")
    .max(64, "validation.hubs.unknownTeam"),
  pinned: z.boolean({ error: "validation.hubs.pinned" }),
});
