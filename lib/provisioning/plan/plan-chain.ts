import { stepDefinitions, type StepDefinition, type StepId } from "../hops/chain-steps";
import { accountRootArn } from "@/lib/aws/partition";

// Plans the link chain for one exposure as a graph of steps. Pure: the same request and hub always give the same
// plan, so the approver sees exactly what the worker will run. Independent branches have no edge between them and
// run in parallel: the app-account endpoint service, the platform NLB and target group, and the REST API skeleton all
// start at once; the critical path is the endpoint chain or the NLB, then the VPC link.

export type Hub = {
  accountId: string;
  region: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  executeApiEndpointId: string;
  /** v1: a dedicated NLB + REST VPC link per exposure (the seed's chain); v2: one shared API Gateway v2 link per hub. */
  linkMode: "v1" | "v2";
};

export type ExposureSource =
  | { kind: "crossAccountNlb"; accountId: string; loadBalancerArn: string; port: number }
  | { kind: "remoteNetwork"; networkName: string; ips: string[]; port: number };

export type Exposure = {
  requestId: string;
  apiName: string;
  stageName: string;
  /** The Host header (and TLS name) the backend expects; the platform NLB's DNS name when unset. */
  backendHost?: string;
  source: ExposureSource;
};

export type PlannedStep = StepDefinition & {
  id: StepId;
  accountId: string;
  dependsOn: StepId[];
  inputs: Record<string, string | number | string[]>;
};

/** ELBv2 names: at most 32 characters, alphanumerics and hyphens; deterministic so a retry finds its own resource. */
export function loadBalancerResourceName(requestId: string, suffix: "nlb" | "tg"): string {
  const stem = requestId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 32 - "gh--".length - suffix.length);
  return `gh-${stem}-${suffix}`;
}

/**
 * EC2 ClientToken: at most 64 ASCII characters, one per run and step. Per run, not per request: EC2 remembers a token
 * after its resource is deleted, so provisioning again after a rollback needs new ones.
 */
export function clientToken(runId: string, step: StepId): string {
  return `gh-${runId}-${step}`.slice(0, 64);
}

export function planChain(exposure: Exposure, hub: Hub): PlannedStep[] {
  const crossAccount = exposure.source.kind === "crossAccountNlb";
  const { port } = exposure.source;
  const targetGroupName = loadBalancerResourceName(exposure.requestId, "tg");
  const loadBalancerName = loadBalancerResourceName(exposure.requestId, "nlb");
  const step = (id: StepId, dependsOn: StepId[], inputs: PlannedStep["inputs"] = {}): PlannedStep => ({
    id,
    ...stepDefinitions[id],
    accountId: stepDefinitions[id].account === "application" && exposure.source.kind === "crossAccountNlb" ? exposure.source.accountId : hub.accountId,
    dependsOn,
    inputs,
  });

  const endpointChain: PlannedStep[] =
    exposure.source.kind === "crossAccountNlb"
      ? [
          step("endpointService.create", [], { loadBalancerArn: exposure.source.loadBalancerArn, acceptanceRequired: "true", clientToken: "one per run and step" }),
          step("endpointService.allowPlatform", ["endpointService.create"], { principal: accountRootArn(hub.region, hub.accountId) }),
          step("interfaceEndpoint.create", ["endpointService.allowPlatform"], {
            vpcId: hub.vpcId,
            subnetIds: hub.subnetIds,
            securityGroupIds: hub.securityGroupIds,
            clientToken: "one per run and step",
          }),
          step("interfaceEndpoint.accept", ["interfaceEndpoint.create"]),
          step("interfaceEndpoint.awaitAvailable", ["interfaceEndpoint.accept"]),
        ]
      : [];

  const targets: PlannedStep["inputs"] = exposure.source.kind === "remoteNetwork" ? { ips: exposure.source.ips, availabilityZone: "all" } : { ips: "interface endpoint ENI IPs" };
  return [
    ...endpointChain,
    step("targetGroup.create", [], { name: targetGroupName, protocol: "TCP", port, vpcId: hub.vpcId, targetType: "ip" }),
    step("loadBalancer.create", [], { name: loadBalancerName, type: "network", scheme: "internal", subnetIds: hub.subnetIds }),
    step("listener.create", ["targetGroup.create", "loadBalancer.create"], { protocol: "TCP", port }),
    step("targets.register", crossAccount ? ["targetGroup.create", "interfaceEndpoint.awaitAvailable"] : ["targetGroup.create"], { port, ...targets }),
    step("loadBalancer.awaitActive", ["loadBalancer.create"]),
    hub.linkMode === "v1"
      ? step("vpcLink.create", ["loadBalancer.awaitActive"], { version: "v1", targetArn: "the platform NLB" })
      : step("vpcLink.create", [], { version: "v2", subnetIds: hub.subnetIds, securityGroupIds: hub.securityGroupIds, shared: "reused when the hub already has one" }),
    step("vpcLink.awaitAvailable", ["vpcLink.create"]),
    step("restApi.create", [], { name: exposure.apiName, endpointType: "PRIVATE", vpcEndpointIds: [hub.executeApiEndpointId] }),
    step("restApi.routes", hub.linkMode === "v1" ? ["restApi.create", "vpcLink.awaitAvailable"] : ["restApi.create", "vpcLink.awaitAvailable", "loadBalancer.awaitActive"], {
      methods: ["ANY /", "ANY /{proxy+}"],
      integration: "HTTP_PROXY over the VPC link",
      uri: `http://${exposure.backendHost ?? "<platform NLB DNS name>"}:${port}/{proxy}`,
    }),
    step("restApi.deploy", ["restApi.routes"], { stageName: exposure.stageName }),
    step("chain.verify", ["restApi.deploy", "targets.register", "listener.create"]),
  ];
}

/** The steps in an order that respects every dependency; throws on a cycle or a dangling dependency. */
export function topologicalOrder(steps: readonly PlannedStep[]): StepId[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const order: StepId[] = [];
  const state = new Map<StepId, "visiting" | "done">();
  const visit = (id: StepId) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") throw new Error(`the plan has a cycle through ${id}`);
    const step = byId.get(id);
    if (!step) throw new Error(`a step depends on ${id}, which the plan does not have`);
    state.set(id, "visiting");
    for (const dependency of step.dependsOn) visit(dependency);
    state.set(id, "done");
    order.push(id);
  };
  for (const step of steps) visit(step.id);
  return order;
}

/** The earliest finish of the whole plan when every step takes `durationOf(step)` and independent steps overlap. */
export function criticalPathMs(steps: readonly PlannedStep[], durationOf: (id: StepId) => number): number {
  const finish = new Map<StepId, number>();
  const byId = new Map(steps.map((step) => [step.id, step]));
  for (const id of topologicalOrder(steps)) {
    const start = Math.max(0, ...(byId.get(id)?.dependsOn ?? []).map((dependency) => finish.get(dependency) ?? 0));
    finish.set(id, start + durationOf(id));
  }
  return Math.max(0, ...finish.values());
}
