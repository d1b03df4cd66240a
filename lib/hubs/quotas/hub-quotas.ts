// The platform-account quotas a hub's exposures consume, and the arithmetic placement and the dry run share.
// Quota codes are the Service Quotas console links of the AWS quota tables (aws-chain-facts §7):
// - REST: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
//   VPC links per account per Region L-A4C7274F (20); resource policy length L-8B81B02C (8,192); private APIs per
//   account per Region 600, not adjustable and not in Service Quotas (no code: the documented value is the quota).
// - HTTP API (V2 links): https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
//   VPC links per account per Region L-608BDCD4 (10). Whether REST's V2 links count against it is not documented
//   (aws-chain-facts §7 [UNCERTAIN]); Gatehouse counts them there, the cautious reading.
// - NLB: https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-limits.html
//   Network Load Balancers per Region L-69A177A2 (50).

export type LinkMode = "v1" | "v2";

export type QuotaKey =
  "privateRestApis" | "networkLoadBalancers" | "vpcLinksV1" | "vpcLinksV2" | "resourcePolicyLength";

export type QuotaDefinition = {
  key: QuotaKey;
  name: string;
  /** The Service Quotas service and quota code; null when AWS does not publish the quota there. */
  code: { ServiceCode: string; QuotaCode: string } | null;
  documentedDefault: number;
};

const definition = (
  key: QuotaKey,
  name: string,
  documentedDefault: number,
  code?: [serviceCode: string, quotaCode: string],
): QuotaDefinition => ({
  key,
  name,
  documentedDefault,
  code: code ? { ServiceCode: code[0], QuotaCode: code[1] } : null,
});

export const quotaDefinitions: Record<QuotaKey, QuotaDefinition> = {
  privateRestApis: definition("privateRestApis", "Private REST APIs per Region", 600),
  networkLoadBalancers: definition("networkLoadBalancers", "Network Load Balancers per Region", 50, [
    "elasticloadbalancing",
    "L-69A177A2",
  ]),
  vpcLinksV1: definition("vpcLinksV1", "REST (V1) VPC links per Region", 20, ["apigateway", "L-A4C7274F"]),
  vpcLinksV2: definition("vpcLinksV2", "V2 VPC links per Region", 10, ["apigateway", "L-608BDCD4"]),
  resourcePolicyLength: definition("resourcePolicyLength", "Resource policy length (characters)", 8192, [
    "apigateway",
    "L-8B81B02C",
  ]),
};

export const quotaKeys = Object.keys(quotaDefinitions) as QuotaKey[];

/** Where a limit came from: the account's applied value, AWS's default for the quota, or the documentation. */
export type LimitSource = "applied" | "awsDefault" | "documented";

/** One quota of one hub: its limit and what is used, both read from AWS. */
export type QuotaReading = { key: QuotaKey; name: string; limit: number; limitSource: LimitSource; used: number };

/** What one more exposure adds to each counted quota. The policy length is per API, judged on its own. */
export function exposureAdds(linkMode: LinkMode, hasSharedLink: boolean): Partial<Record<QuotaKey, number>> {
  return {
    privateRestApis: 1,
    networkLoadBalancers: 1,
    ...(linkMode === "v1" ? { vpcLinksV1: 1 } : { vpcLinksV2: hasSharedLink ? 0 : 1 }),
  };
}

/**
 * How many more exposures the hub can take before its first quota runs out; the scarcest quota decides. A shared V2
 * link that does not exist yet is needed once, so its quota must have room for one.
 */
export function exposureHeadroom(readings: readonly QuotaReading[], linkMode: LinkMode, hasSharedLink: boolean) {
  const adds = exposureAdds(linkMode, hasSharedLink);
  let headroom = Number.POSITIVE_INFINITY;
  let scarcest: QuotaReading | undefined;
  for (const reading of readings) {
    const perExposure = adds[reading.key];
    if (!perExposure) continue;
    const left = Math.max(0, reading.limit - reading.used);
    // The shared V2 link is needed once: it fits or it blocks. Everything else is needed per exposure.
    const exposures = reading.key === "vpcLinksV2" ? (left >= 1 ? Infinity : 0) : Math.floor(left / perExposure);
    if (exposures < headroom) {
      headroom = exposures;
      scarcest = reading;
    }
  }
  return { headroom: Number.isFinite(headroom) ? headroom : 0, scarcest };
}

/** A reading's line in the panel and the plan: "12 of 50 used, 38 left". */
export function describeReading(reading: QuotaReading): string {
  const left = Math.max(0, reading.limit - reading.used);
  return `${reading.name}: ${reading.used} of ${reading.limit} used, ${left} left`;
}
