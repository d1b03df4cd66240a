import { z } from "zod";

// The declarative description of a simulated AWS estate: accounts, the identities that may call in, the roles they
// may assume, what already exists in each account before Gatehouse arrives (networks, load balancers, the hub's
// execute-api endpoint) and the backends standing behind them. Resources refer to each other by their `name`
// (their Name tag), never by generated ids.

const accountIdSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit account id");
const cidrSchema = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "must be an IPv4 CIDR block");
const ipSchema = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, "must be an IPv4 address");
const portSchema = z.number().int().min(1).max(65535);
const tagsSchema = z.record(z.string(), z.string()).default({});

const roleSchema = z.object({
  name: z.string().min(1),
  externalId: z.string().optional(),
  trustedPrincipals: z.array(z.string()).min(1),
  /** The role's permissions: the policy document Gatehouse generates for this kind of account. */
  gatehousePolicy: z.enum(["platform", "application"]),
  maxSessionSeconds: z.number().int().min(3600).max(43200).default(3600),
});

const securityGroupRuleSchema = z.object({
  protocol: z.string(),
  fromPort: z.number().int(),
  toPort: z.number().int(),
  cidrs: z.array(cidrSchema).min(1),
});

const vpcSchema = z.object({
  name: z.string().min(1),
  cidrBlock: cidrSchema,
  subnets: z.array(z.object({ name: z.string().min(1), cidrBlock: cidrSchema, zone: z.string() })).min(1),
  /** Without ingress rules a group allows all TCP from the VPC's own CIDR. */
  securityGroups: z
    .array(z.object({ name: z.string().min(1), ingress: z.array(securityGroupRuleSchema).optional() }))
    .default([]),
  /** Tables with explicit subnet associations; every VPC also gets a main table with the local route only. */
  routeTables: z
    .array(
      z.object({
        name: z.string().min(1),
        subnets: z.array(z.string()).min(1),
        routes: z.array(z.object({ destinationCidrBlock: cidrSchema, transitGateway: z.string() })).default([]),
      }),
    )
    .default([]),
  /** The interface endpoint to `com.amazonaws.<region>.execute-api` that consumers in this VPC call private APIs through. */
  executeApiEndpoint: z
    .object({
      name: z.string().min(1),
      subnets: z.array(z.string()).min(1),
      securityGroups: z.array(z.string()).min(1),
      privateDns: z.boolean().default(true),
    })
    .optional(),
});

const loadBalancerSchema = z.object({
  name: z.string().min(1).max(32),
  vpc: z.string(),
  subnets: z.array(z.string()).min(1),
  tags: tagsSchema,
  listeners: z
    .array(
      z.object({
        port: portSchema,
        targetGroup: z.object({ name: z.string().min(1).max(32), port: portSchema, targets: z.array(ipSchema).min(1) }),
      }),
    )
    .min(1),
});

const transitGatewaySchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  remoteNetworks: z.array(z.object({ name: z.string().min(1), cidrBlock: cidrSchema })).min(1),
});

const accountSchema = z.object({
  accountId: accountIdSchema,
  alias: z.string(),
  region: z.string(),
  availabilityZones: z.array(z.object({ zoneName: z.string(), zoneId: z.string() })).min(1),
  roles: z.array(roleSchema).default([]),
  transitGateways: z.array(transitGatewaySchema).default([]),
  vpcs: z.array(vpcSchema).default([]),
  /** Internal network load balancers that exist already (e.g. created by the AWS Load Balancer Controller). */
  loadBalancers: z.array(loadBalancerSchema).default([]),
});

const backendSchema = z.object({
  name: z.string().min(1),
  /** A VPC name or a transit gateway's remote network name. */
  network: z.string(),
  ip: ipSchema,
  port: portSchema,
  answer: z
    .object({
      status: z.number().int().min(100).max(599).default(200),
      fields: z.record(z.string(), z.string()).default({}),
      delayMs: z.number().int().min(0).default(0),
    })
    .prefault({}),
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
  backends: z.array(backendSchema).default([]),
});

export type Landscape = z.infer<typeof landscapeSchema>;
export type LandscapeAccount = z.infer<typeof accountSchema>;
export type LandscapeVpc = z.infer<typeof vpcSchema>;
export type LandscapeLoadBalancer = z.infer<typeof loadBalancerSchema>;
export type LandscapeBackend = z.infer<typeof backendSchema>;
