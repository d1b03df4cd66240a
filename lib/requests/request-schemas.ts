import { z } from "zod";
import { isPrivateIpv4, parseIpv4 } from "./ipv4";

// The request wizard's fields, shared by the browser (inline validation) and the server (the same rules again). Every
// message says what is wrong and what is allowed. Names are deliberately narrow: no markup, no JSON, no ARN or CIDR
// look-alikes, nothing longer than AWS accepts.

const noMarkup = (text: string) => !/[<>]/.test(text);

export const teamIdSchema = z
  .string({ error: "validation.requests.teamRequired" })
  .regex(/^[a-z0-9]{1,40}$/, "validation.requests.teamInvalid");

export const regionSchema = z
  .string({ error: "validation.requests.regionRequired" })
  .regex(/^(cn-)?[a-z]{2}(-[a-z]+)+-\d$/, "validation.requests.regionInvalid");

export const hubIdSchema = z
  .string({ error: "validation.requests.hubRequired" })
  .regex(/^[a-z0-9]{1,40}$/, "validation.requests.hubInvalid")
  .optional();

export const awsAccountIdSchema = z
  .string({ error: "validation.requests.accountRequired" })
  .regex(/^\d{12}$/, "validation.requests.accountInvalid");

export const portSchema = z.coerce
  .number({ error: "validation.requests.portRequired" })
  .int("validation.requests.portWhole")
  .min(1, "validation.requests.portRange")
  .max(65535, "validation.requests.portRange");

export const loadBalancerArnSchema = z
  .string({ error: "validation.requests.loadBalancerRequired" })
  .max(512, "validation.requests.loadBalancerTooLong")
  .regex(
    /^arn:aws(-cn)?:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    "validation.requests.loadBalancerInvalid",
  );

// API Gateway accepts most characters in a REST API name; we keep to what is safe in URLs, tags, logs and consoles.
export const apiNameSchema = z
  .string({ error: "validation.requests.apiNameRequired" })
  .trim()
  .min(3, "validation.requests.apiNameTooShort")
  .max(64, "validation.requests.apiNameTooLong")
  .regex(/^[A-Za-z][A-Za-z0-9-_.]*$/, "validation.requests.apiNameInvalid");

export const stageNameSchema = z
  .string({ error: "validation.requests.stageNameRequired" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "validation.requests.stageNameInvalid");

export const basePathSchema = z
  .string()
  .trim()
  .max(128, "validation.requests.basePathTooLong")
  .regex(/^([A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*)?$/, "validation.requests.basePathInvalid")
  .optional();

export const backendHostSchema = z
  .string()
  .trim()
  .max(253, "validation.requests.backendHostTooLong")
  .regex(
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    "validation.requests.backendHostInvalid",
  )
  .optional();

export const remoteNetworkNameSchema = z
  .string({ error: "validation.requests.networkNameRequired" })
  .trim()
  .min(2, "validation.requests.networkNameTooShort")
  .max(64, "validation.requests.networkNameTooLong")
  .regex(/^[A-Za-z][A-Za-z0-9 ._-]*$/, "validation.requests.networkNameInvalid");

export const remoteIpSchema = z
  .string()
  .trim()
  .refine((ip) => parseIpv4(ip) !== undefined, "validation.requests.ipInvalid")
  .refine((ip) => parseIpv4(ip) === undefined || isPrivateIpv4(ip), "validation.requests.ipNotPrivate");

export const remoteIpsSchema = z
  .array(remoteIpSchema, { error: "validation.requests.ipsRequired" })
  .min(1, "validation.requests.ipsRequired")
  .max(16, "validation.requests.ipsTooMany")
  .refine((ips) => new Set(ips).size === ips.length, "validation.requests.ipsDuplicate");

export const corsOriginSchema = z
  .string()
  .trim()
  .max(253, "validation.requests.corsOriginTooLong")
  .refine((origin) => {
    try {
      const url = new URL(origin);
      return url.protocol === "https:" && url.origin === origin;
    } catch {
      return false;
    }
  }, "validation.requests.corsOriginInvalid");

export const corsOriginsSchema = z.array(corsOriginSchema).max(10, "validation.requests.corsOriginsTooMany");

export const justificationSchema = z
  .string({ error: "validation.requests.justificationRequired" })
  .trim()
  .min(10, "validation.requests.justificationTooShort")
  .max(2000, "validation.requests.justificationTooLong")
  .refine(noMarkup, "validation.requests.plainTextOnly");

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
    error: "validation.requests.scenarioRequired",
  })
  .superRefine((input, context) => {
    if (input.scenario === "cross_account_nlb" && input.loadBalancerArn.split(":")[4] !== input.accountId) {
      context.addIssue({
        code: "custom",
        path: ["loadBalancerArn"],
        message: "validation.requests.loadBalancerOtherAccount",
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
