import { z } from "zod";
import { isPrivateIpv4, parseIpv4 } from "./ipv4";

// The request wizard's fields, shared by the browser (inline validation) and the server (the same rules again). Every
// message says what is wrong and what is allowed. Names are deliberately narrow: no markup, no JSON, no ARN or CIDR
// look-alikes, nothing longer than AWS accepts.

const noMarkup = (text: string) => !/[<>]/.test(text);

export const teamIdSchema = z
  .string({ error: "Choose a team." })
  .regex(/^[a-z0-9]{1,40}$/, "Choose one of your teams.");

export const regionSchema = z
  .string({ error: "Choose a region." })
  .regex(/^(cn-)?[a-z]{2}(-[a-z]+)+-\d$/, "Choose a region such as eu-west-1.");

export const hubIdSchema = z
  .string({ error: "Choose a hub." })
  .regex(/^[a-z0-9]{1,40}$/, "Choose one of the hubs that serve the region.")
  .optional();

export const awsAccountIdSchema = z
  .string({ error: "Choose an account." })
  .regex(/^\d{12}$/, "An AWS account ID is exactly 12 digits.");

export const portSchema = z.coerce
  .number({ error: "Enter a port number." })
  .int("A port is a whole number.")
  .min(1, "A port is between 1 and 65535.")
  .max(65535, "A port is between 1 and 65535.");

export const loadBalancerArnSchema = z
  .string({ error: "Choose a load balancer." })
  .max(512, "That is not a load balancer ARN.")
  .regex(
    /^arn:aws(-cn)?:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    "Choose one of the account's network load balancers.",
  );

// API Gateway accepts most characters in a REST API name; we keep to what is safe in URLs, tags, logs and consoles.
export const apiNameSchema = z
  .string({ error: "Enter an API name." })
  .trim()
  .min(3, "An API name has at least 3 characters.")
  .max(64, "An API name has at most 64 characters.")
  .regex(/^[A-Za-z][A-Za-z0-9-_.]*$/, "Use letters, digits, hyphens, underscores and dots, starting with a letter.");

export const stageNameSchema = z
  .string({ error: "Enter a stage name." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "A stage name is 1–128 letters, digits, hyphens or underscores.");

export const basePathSchema = z
  .string()
  .trim()
  .max(128, "A base path has at most 128 characters.")
  .regex(
    /^([A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*)?$/,
    "Use path segments of letters, digits, hyphens and underscores, separated by /, without a leading /.",
  )
  .optional();

export const backendHostSchema = z
  .string()
  .trim()
  .max(253, "A host name has at most 253 characters.")
  .regex(
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    "Enter a DNS host name such as checkout.payments.internal.",
  )
  .optional();

export const remoteNetworkNameSchema = z
  .string({ error: "Name the network." })
  .trim()
  .min(2, "A network name has at least 2 characters.")
  .max(64, "A network name has at most 64 characters.")
  .regex(
    /^[A-Za-z][A-Za-z0-9 ._-]*$/,
    "Use letters, digits, spaces, dots, hyphens and underscores, starting with a letter.",
  );

export const remoteIpSchema = z
  .string()
  .trim()
  .refine(
    (ip) => parseIpv4(ip) !== undefined,
    "Enter a single IPv4 address such as 10.50.12.34 (no CIDR ranges, no host names).",
  )
  .refine(
    (ip) => parseIpv4(ip) === undefined || isPrivateIpv4(ip),
    "Only private addresses: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10.",
  );

export const remoteIpsSchema = z
  .array(remoteIpSchema, { error: "Enter at least one IP address." })
  .min(1, "Enter at least one IP address.")
  .max(16, "At most 16 IP addresses.")
  .refine((ips) => new Set(ips).size === ips.length, "Each IP address only once.");

export const corsOriginSchema = z
  .string()
  .trim()
  .max(253, "An origin has at most 253 characters.")
  .refine((origin) => {
    try {
      const url = new URL(origin);
      return url.protocol === "https:" && url.origin === origin;
    } catch {
      return false;
    }
  }, "An origin is https://host[:port], without a path or trailing slash.");

export const corsOriginsSchema = z.array(corsOriginSchema).max(10, "At most 10 CORS origins.");

export const justificationSchema = z
  .string({ error: "Say why the service should be exposed." })
  .trim()
  .min(10, "Say in a sentence why the service should be exposed (at least 10 characters).")
  .max(2000, "A justification has at most 2000 characters.")
  .refine(noMarkup, "Plain text only: no < or >.");

const common = {
  teamId: teamIdSchema,
  region: regionSchema,
  hubId: hubIdSchema,
  port: portSchema,
  apiName: apiNameSchema,
  stageName: stageNameSchema,
  basePath: basePathSchema,
  backendHost: backendHostSchema,
  corsAllowOrigins: corsOriginsSchema.default([]),
  justification: justificationSchema,
};

export const crossAccountSourceSchema = z.object({
  scenario: z.literal("cross_account_nlb"),
  accountId: awsAccountIdSchema,
  loadBalancerArn: loadBalancerArnSchema,
  ...common,
});

export const remoteNetworkSourceSchema = z.object({
  scenario: z.literal("remote_network"),
  remoteNetworkName: remoteNetworkNameSchema,
  remoteIps: remoteIpsSchema,
  ...common,
});

export const requestInputSchema = z
  .discriminatedUnion("scenario", [crossAccountSourceSchema, remoteNetworkSourceSchema], {
    error: "Choose where the service runs.",
  })
  .superRefine((input, context) => {
    if (input.scenario === "cross_account_nlb" && input.loadBalancerArn.split(":")[4] !== input.accountId) {
      context.addIssue({
        code: "custom",
        path: ["loadBalancerArn"],
        message: "The load balancer must be in the chosen account.",
      });
    }
  });

export type RequestInput = z.infer<typeof requestInputSchema>;

export const requestFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z
    .enum([
      "pending_approval",
      "approved",
      "provisioning",
      "active",
      "decommission_pending",
      "decommissioning",
      "decommissioned",
      "rejected",
      "failed",
      "withdrawn",
    ])
    .optional()
    .catch(undefined),
});

export type RequestFilter = z.infer<typeof requestFilterSchema>;
