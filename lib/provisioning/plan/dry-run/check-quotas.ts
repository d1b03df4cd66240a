import { GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import type { AccountClients } from "@/lib/aws/client-factory";

// What the exposure adds to the platform account's quotas, against AWS's default limits.

export type QuotaUse = { name: string; used: number; adds: number; limit: number };

export const quotaLimits = { v1VpcLinks: 20, loadBalancers: 50, listenersPerLoadBalancer: 50 } as const;

export async function quotaUse(checks: CheckList, platform: AccountClients, hub: Hub): Promise<QuotaUse[]> {
  const quotas: QuotaUse[] = [];
  const judge = (id: string, quota: QuotaUse) => {
    quotas.push(quota);
    const after = quota.used + quota.adds;
    const text = `${quota.name}: ${quota.used} used, this request adds ${quota.adds}, limit ${quota.limit}.`;
    if (after > quota.limit)
      checks.add(id, "blocker", text, "Ask AWS for a quota increase, or switch the hub to the shared v2 VPC link.");
    else if (after >= quota.limit * 0.9) checks.add(id, "warning", `${text} Close to the limit.`);
    else checks.add(id, "pass", text);
  };
  // A quota whose use is read from AWS; an unreadable one is a check of its own (see CheckList.read).
  const counted = async (id: string, what: string, count: () => Promise<number>, quota: Omit<QuotaUse, "used">) => {
    const used = await checks.read(id, what, hub.accountId, count);
    if (used !== undefined) judge(id, { name: quota.name, used, adds: quota.adds, limit: quota.limit });
  };
  await counted(
    "quota.loadBalancers",
    "describe load balancers",
    async () =>
      (await platform.elb.send(new DescribeLoadBalancersCommand({ PageSize: 400 }))).LoadBalancers?.length ?? 0,
    { name: "Network load balancers in the platform account", adds: 1, limit: quotaLimits.loadBalancers },
  );
  judge("quota.listeners", {
    name: "Listeners on the new platform NLB",
    used: 0,
    adds: 1,
    limit: quotaLimits.listenersPerLoadBalancer,
  });
  if (hub.linkMode === "v1")
    await counted(
      "quota.vpcLinks",
      "list VPC links",
      async () => (await platform.apiGateway.send(new GetVpcLinksCommand({ limit: 500 }))).items?.length ?? 0,
      { name: "REST (V1) VPC links in the platform account", adds: 1, limit: quotaLimits.v1VpcLinks },
    );
  return quotas;
}
