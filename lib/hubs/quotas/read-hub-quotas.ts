import { GetRestApisCommand, GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import { GetVpcLinksCommand as GetV2VpcLinksCommand } from "@aws-sdk/client-apigatewayv2";
import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetAWSDefaultServiceQuotaCommand, GetServiceQuotaCommand } from "@aws-sdk/client-service-quotas";
import { quotaDefinitions, quotaKeys, type LimitSource, type QuotaDefinition, type QuotaReading } from "./hub-quotas";
import type { AccountClients } from "@/lib/aws/client-factory";

// Reads a platform account's quotas and their use from AWS, never from Gatehouse's rows: resources made outside
// Gatehouse count too. Limits: the applied value (GetServiceQuota), else AWS's default (GetAWSDefaultServiceQuota,
// when the applied value is not available for the quota), else the documented value for a quota Service Quotas
// does not publish.

async function readLimit(
  clients: AccountClients,
  definition: QuotaDefinition,
): Promise<{ limit: number; limitSource: LimitSource }> {
  if (!definition.code) return { limit: definition.documentedDefault, limitSource: "documented" };
  try {
    const applied = await clients.serviceQuotas.send(new GetServiceQuotaCommand(definition.code));
    if (applied.Quota?.Value !== undefined) return { limit: applied.Quota.Value, limitSource: "applied" };
  } catch (error) {
    if ((error as Error).name !== "NoSuchResourceException") throw error;
  }
  const fallback = await clients.serviceQuotas.send(new GetAWSDefaultServiceQuotaCommand(definition.code));
  return fallback.Quota?.Value !== undefined
    ? { limit: fallback.Quota.Value, limitSource: "awsDefault" }
    : { limit: definition.documentedDefault, limitSource: "documented" };
}

/** Every page of a list call: `page` answers one page's items and the cursor of the next. */
async function allPages<T>(page: (cursor?: string) => Promise<[T[] | undefined, string | undefined]>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const [pageItems, next] = await page(cursor);
    items.push(...(pageItems ?? []));
    cursor = next;
  } while (cursor);
  return items;
}

// API Gateway (REST) lists page by `position`.
const byPosition = <T>(page: { items?: T[]; position?: string }): [T[] | undefined, string | undefined] => [
  page.items,
  page.position,
];

const allRestApis = ({ apiGateway }: AccountClients) =>
  allPages(async (position) => byPosition(await apiGateway.send(new GetRestApisCommand({ limit: 500, position }))));

const allLoadBalancers = ({ elb }: AccountClients) =>
  allPages(async (marker) => {
    const page = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 400, Marker: marker }));
    return [page.LoadBalancers, page.NextMarker];
  });

const allV1Links = ({ apiGateway }: AccountClients) =>
  allPages(async (position) => byPosition(await apiGateway.send(new GetVpcLinksCommand({ limit: 500, position }))));

const allV2Links = ({ apiGatewayV2 }: AccountClients) =>
  allPages(async (token) => {
    const page = await apiGatewayV2.send(new GetV2VpcLinksCommand({ MaxResults: "500", NextToken: token }));
    return [page.Items, page.NextToken];
  });

/** Every quota of the hub's account and region, limit and use. Throws when AWS cannot be read. */
export async function readHubQuotas(clients: AccountClients): Promise<QuotaReading[]> {
  const privateApis = (await allRestApis(clients)).filter((api) =>
    api.endpointConfiguration?.types?.includes("PRIVATE"),
  );
  const used = {
    privateRestApis: privateApis.length,
    networkLoadBalancers: (await allLoadBalancers(clients)).filter((balancer) => balancer.Type === "network").length,
    vpcLinksV1: (await allV1Links(clients)).length,
    vpcLinksV2: (await allV2Links(clients)).length,
    // The fullest policy: consumer endpoints are added to it, so it is the one that runs out first.
    resourcePolicyLength: Math.max(0, ...privateApis.map((api) => unescapedPolicy(api.policy).length)),
  };
  const readings: QuotaReading[] = [];
  for (const key of quotaKeys) {
    const definition = quotaDefinitions[key];
    readings.push({ key, name: definition.name, ...(await readLimit(clients, definition)), used: used[key] });
  }
  return readings;
}

// API Gateway hands the policy back with its quotes escaped; the quota counts the document as written.
const unescapedPolicy = (policy: string | undefined) => (policy ?? "").replace(/\\"/g, '"');
