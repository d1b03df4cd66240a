import type { ResourceBase, World } from "../../core/world";

// The Service Quotas the chain uses, with the defaults AWS documents, and the values applied to an account (a quota
// increase, or a test lowering one). The services that enforce a quota read it here, so lowering it in a test makes
// the create fail where AWS would.
//
// Sources (quota codes are the console links of each table):
// - API Gateway REST quotas, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
//   "VPC links per account per Region" 20 (L-A4C7274F); "Length, in characters, of API Gateway resource policy"
//   8192 (L-8B81B02C); "Private APIs per account per Region" 600, not adjustable and not in Service Quotas.
// - API Gateway HTTP API quotas, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
//   "VPC links per account per Region" 10 (L-608BDCD4): the V2 links REST APIs now share (aws-chain-facts §7, §10.1).
// - ELB, https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-limits.html
//   "Network Load Balancers per Region" 50 (L-69A177A2).

export type QuotaDefinition = {
  serviceCode: "apigateway" | "elasticloadbalancing";
  serviceName: string;
  quotaCode: string;
  quotaName: string;
  value: number;
  adjustable: boolean;
};

export const catalogue = {
  vpcLinksV1: {
    serviceCode: "apigateway",
    serviceName: "Amazon API Gateway",
    quotaCode: "L-A4C7274F",
    quotaName: "VPC links per account per Region",
    value: 20,
    adjustable: true,
  },
  vpcLinksV2: {
    serviceCode: "apigateway",
    serviceName: "Amazon API Gateway",
    quotaCode: "L-608BDCD4",
    quotaName: "VPC links per account per Region (V2)",
    value: 10,
    adjustable: true,
  },
  resourcePolicyLength: {
    serviceCode: "apigateway",
    serviceName: "Amazon API Gateway",
    quotaCode: "L-8B81B02C",
    quotaName: "Length, in characters, of API Gateway resource policy",
    value: 8192,
    adjustable: true,
  },
  networkLoadBalancers: {
    serviceCode: "elasticloadbalancing",
    serviceName: "Elastic Load Balancing (ELB)",
    quotaCode: "L-69A177A2",
    quotaName: "Network Load Balancers per Region",
    value: 50,
    adjustable: true,
  },
} satisfies Record<string, QuotaDefinition>;

/** Private REST APIs per account and Region: fixed at 600, and absent from Service Quotas (no quota code). */
export const privateRestApisPerRegion = 600;

export type AppliedQuota = ResourceBase & { serviceCode: string; quotaCode: string; value: number };

const appliedQuotas = (world: World) => world.collection<AppliedQuota>("servicequotas.appliedQuota");
const appliedId = (accountId: string, region: string, serviceCode: string, quotaCode: string) =>
  `${accountId}/${region}/${serviceCode}/${quotaCode}`;

export function findDefinition(serviceCode: string, quotaCode: string): QuotaDefinition | undefined {
  return Object.values(catalogue).find(
    (definition) => definition.serviceCode === serviceCode && definition.quotaCode === quotaCode,
  );
}

export function appliedQuota(
  world: World,
  scope: { accountId: string; region: string },
  definition: QuotaDefinition,
): AppliedQuota | undefined {
  return appliedQuotas(world).get(
    appliedId(scope.accountId, scope.region, definition.serviceCode, definition.quotaCode),
  );
}

/** The value AWS enforces for the account and Region: the applied one, else the default. */
export function quotaValue(world: World, scope: { accountId: string; region: string }, definition: QuotaDefinition) {
  return appliedQuota(world, scope, definition)?.value ?? definition.value;
}

/** What a granted increase (or, in a test, a lowered quota) does: sets the applied value. */
export function applyQuota(
  world: World,
  input: { accountId: string; region: string; serviceCode: string; quotaCode: string; value: number },
): AppliedQuota | undefined {
  if (!findDefinition(input.serviceCode, input.quotaCode) || !(input.value >= 0)) return undefined;
  const id = appliedId(input.accountId, input.region, input.serviceCode, input.quotaCode);
  const applied = appliedQuotas(world).put({
    id,
    accountId: input.accountId,
    region: input.region,
    createdAt: 0,
    visibleAt: 0,
    tags: {},
    serviceCode: input.serviceCode,
    quotaCode: input.quotaCode,
    value: input.value,
  });
  world.changed();
  return applied;
}

/**
 * Back to the AWS default: the applied value of the account and Region removed. AWS itself keeps an increase once
 * granted; the simulator's control offers this so a test that raised or lowered a quota can leave the account as it
 * found it.
 */
export function removeAppliedQuota(
  world: World,
  input: { accountId: string; region: string; serviceCode: string; quotaCode: string },
): boolean {
  if (!findDefinition(input.serviceCode, input.quotaCode)) return false;
  appliedQuotas(world).delete(appliedId(input.accountId, input.region, input.serviceCode, input.quotaCode));
  world.changed();
  return true;
}
