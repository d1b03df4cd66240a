import type { StepId } from "../../hops/registry";
import { buildResourcePolicy, serializeResourcePolicy, type ResourcePolicy } from "../../resource-policy";
import type { Exposure, Hub } from "../exposure";
import { criticalPathMs, planChain, type PlannedStep } from "../plan-chain";
import { checkApplicationLoadBalancer } from "./check-application-nlb";
import { hubZoneIds } from "./check-availability-zones";
import { checkChinaApiGateway } from "./check-china-regions";
import { CheckList, type DryRunCheck } from "./check-list";
import { checkCreateInterfaceEndpoint } from "./check-permissions";
import { quotaUse, type QuotaContext, type QuotaUse } from "./check-quotas";
import { checkRemoteIps } from "./check-remote-network";
import type { AccountAccess, ClientFactory } from "@/lib/aws/client-factory";
import type { Translatable } from "@/lib/i18n/translatable";

// The plan an approver reviews: the steps the worker will run, and every check that can be made against AWS without
// creating anything (reads and EC2 DryRun). A blocker means the run would fail; a warning means it may need attention.
// One file per group of checks next to this one.

/** The reason is a sentence in English or a catalogue key with values (whichever placement gives). */
export type Placement = { hubId: string; hubLabel: string; reason: Translatable | string };

export type DryRunResult = {
  steps: PlannedStep[];
  checks: DryRunCheck[];
  resourcePolicy: ResourcePolicy;
  quotas: QuotaUse[];
  /** Which hub the exposure goes to and why (absent in plans made before placement). */
  placement?: Placement;
  criticalPathMs: number;
  evaluatedAt: string;
};

export type DryRunInput = {
  clients: ClientFactory;
  exposure: Exposure;
  hub: Hub;
  platform: AccountAccess;
  /** The application account's role (scenario A). */
  application?: AccountAccess;
  placement?: Placement;
  /** Placement's readings and the region's other hubs; without it the hub's quotas are read here. */
  quotaContext?: Omit<QuotaContext, "policyLength">;
};

/** Typical real-AWS durations, for the critical-path estimate only (DESIGN §3). */
const typicalDurationMs: Partial<Record<StepId, number>> = {
  "interfaceEndpoint.awaitAvailable": 180_000,
  "loadBalancer.awaitActive": 180_000,
  "vpcLink.awaitAvailable": 180_000,
  "restApi.deploy": 5_000,
};

export function estimateCriticalPathMs(steps: readonly PlannedStep[], linkMode: Hub["linkMode"]): number {
  return criticalPathMs(steps, (id) =>
    id === "vpcLink.awaitAvailable" && linkMode === "v2" ? 300_000 : (typicalDurationMs[id] ?? 2_000),
  );
}

export async function dryRunExposure(input: DryRunInput): Promise<DryRunResult> {
  const { exposure, hub } = input;
  const checks = new CheckList();
  const purpose = `dry-run-${exposure.requestId}`;
  const platform = input.clients.clientsFor(input.platform, purpose);
  const hubZones = await hubZoneIds(checks, platform, hub);

  if (exposure.source.kind === "crossAccountNlb") {
    if (!input.application)
      checks.add(
        "application.account",
        "blocker",
        { key: "dryRun.application.unregistered", values: { accountId: exposure.source.accountId } },
        { key: "dryRun.application.unregisteredFix" },
      );
    else
      await checkApplicationLoadBalancer(
        checks,
        input.clients.clientsFor(input.application, purpose),
        exposure.source,
        hubZones,
      );
    await checkCreateInterfaceEndpoint(checks, platform, hub);
  } else {
    await checkRemoteIps(checks, platform, hub, exposure.source.ips);
  }

  checkChinaApiGateway(checks, hub);
  const resourcePolicy = buildResourcePolicy([hub.executeApiEndpointId]);
  const quotas = await quotaUse(checks, platform, hub, {
    hasSharedLink: false,
    regionHubs: [],
    ...input.quotaContext,
    policyLength: serializeResourcePolicy(resourcePolicy).length,
  });

  const steps = planChain(exposure, hub);
  return {
    steps,
    checks: checks.checks,
    resourcePolicy,
    quotas,
    ...(input.placement ? { placement: input.placement } : {}),
    criticalPathMs: estimateCriticalPathMs(steps, hub.linkMode),
    evaluatedAt: new Date().toISOString(),
  };
}
