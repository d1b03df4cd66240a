import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import type { AccountClients } from "@/lib/aws/client-factory";
import { exposureAdds, type QuotaKey, type QuotaReading } from "@/lib/hubs/quotas/hub-quotas";
import { readHubQuotas } from "@/lib/hubs/quotas/read-hub-quotas";
import type { Translatable } from "@/lib/i18n/translatable";
import { hubsWithRoom, type HubHeadroom } from "@/lib/requests/hub-choice";

// What the exposure adds to the platform account's quotas, against the limits read from AWS (Service Quotas) and
// the use counted in the account. A request that would exceed one is blocked, naming a hub of the region with room.

/** `kind` names the quota in every language (dryRun.quota.name); plans stored before it carry the English `name` only. */
export type QuotaUse = { kind?: QuotaKind; name: string; used: number; adds: number; limit: number };
export type QuotaKind = QuotaKey | "listeners";

export type QuotaContext = {
  /** The hub's quotas as placement just read them; read here when absent. */
  readings?: QuotaReading[];
  hasSharedLink: boolean;
  /** Every hub of the region with its headroom, to name another one when this hub is full. */
  regionHubs: HubHeadroom[];
  hubId?: string;
  /** Characters of the resource policy the new API gets. */
  policyLength: number;
};

const checkIds: Record<QuotaKey, string> = {
  privateRestApis: "quota.privateRestApis",
  networkLoadBalancers: "quota.loadBalancers",
  vpcLinksV1: "quota.vpcLinks",
  vpcLinksV2: "quota.vpcLinksV2",
  resourcePolicyLength: "resourcePolicy",
};

/** Listeners per NLB: 50, not adjustable; the exposure's own NLB gets one. */
const listenersPerLoadBalancer = 50;

function fixFor(context: QuotaContext): Translatable {
  const [other] = hubsWithRoom(context.regionHubs, context.hubId);
  return other
    ? { key: "dryRun.quota.otherHubFix", values: { hub: other.label, headroom: other.headroom ?? 0 } }
    : { key: "dryRun.quota.noHubFix" };
}

export async function quotaUse(
  checks: CheckList,
  platform: AccountClients,
  hub: Hub,
  context: QuotaContext,
): Promise<QuotaUse[]> {
  const quotas: QuotaUse[] = [];
  const judge = (id: string, quota: QuotaUse) => {
    quotas.push(quota);
    const after = quota.used + quota.adds;
    const usage = (near: boolean): Translatable => ({
      key: "dryRun.quota.usage",
      values: {
        kind: quota.kind ?? quota.name,
        used: quota.used,
        adds: quota.adds,
        limit: quota.limit,
        near: near ? "yes" : "no",
      },
    });
    if (quota.adds > 0 && after > quota.limit) checks.add(id, "blocker", usage(false), fixFor(context));
    else if (quota.adds > 0 && after >= quota.limit * 0.9) checks.add(id, "warning", usage(true));
    else checks.add(id, "pass", usage(false));
  };
  const readings =
    context.readings ?? (await checks.read("quota.read", "quotas", hub.accountId, () => readHubQuotas(platform)));
  const adds = exposureAdds(hub.linkMode, context.hasSharedLink);
  for (const reading of readings ?? []) {
    const added = adds[reading.key];
    if (added !== undefined)
      judge(checkIds[reading.key], {
        kind: reading.key,
        name: reading.name,
        used: reading.used,
        adds: added,
        limit: reading.limit,
      });
  }
  judge("quota.listeners", {
    kind: "listeners",
    name: "Listeners on the new platform NLB",
    used: 0,
    adds: 1,
    limit: listenersPerLoadBalancer,
  });
  const policyLimit = readings?.find((reading) => reading.key === "resourcePolicyLength")?.limit;
  if (policyLimit !== undefined) {
    const text: Translatable = {
      key: "dryRun.quota.policy",
      values: { endpointId: hub.executeApiEndpointId, length: context.policyLength, limit: policyLimit },
    };
    if (context.policyLength > policyLimit)
      checks.add(checkIds.resourcePolicyLength, "blocker", text, { key: "dryRun.quota.policyFix" });
    else checks.add(checkIds.resourcePolicyLength, "pass", text);
  }
  return quotas;
}
