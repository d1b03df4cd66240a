import type { ExposureFacts, StepFact } from "../exposure-facts";
import type { ExposureSource } from "@/lib/provisioning/plan/exposure";
import { planChain } from "@/lib/provisioning/plan/plan-chain";
import type { StepId } from "@/lib/provisioning/hops/registry";

// Plain exposure facts at each lifecycle stage, for unit tests of the model, the mapping and the layout.

export type FixtureOptions = {
  requestId?: string;
  scenario?: "cross_account_nlb" | "remote_network";
  linkMode?: "v1" | "v2";
  /** plan: before approval; provisioning: half the steps done; active: all done and verified healthy. */
  stage?: "plan" | "provisioning" | "active" | "broken" | "decommissioned";
  teamId?: string;
  sourceAccountId?: string;
};

export function outputsFor(step: StepId, requestId: string): Record<string, unknown> {
  const outputs: Partial<Record<StepId, Record<string, unknown>>> = {
    "endpointService.create": {
      serviceId: `vpce-svc-${requestId}`,
      serviceName: `com.amazonaws.vpce.eu-west-1.vpce-svc-${requestId}`,
    },
    "interfaceEndpoint.create": { endpointId: `vpce-${requestId}` },
    "interfaceEndpoint.awaitAvailable": {
      ips: ["10.10.1.20", "10.10.2.20"],
      eniZones: ["eu-west-1a", "eu-west-1b"],
      eniSubnets: ["subnet-a", "subnet-b"],
    },
    "targetGroup.create": {
      targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/gh-${requestId}-tg/1`,
    },
    "loadBalancer.create": {
      loadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/gh-${requestId}-nlb/1`,
      dnsName: `gh-${requestId}-nlb.elb.eu-west-1.amazonaws.com`,
    },
    "listener.create": {
      listenerArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/net/gh-${requestId}-nlb/1/2`,
    },
    "vpcLink.create": { vpcLinkId: `link-${requestId}`, version: "v1" },
    "restApi.create": { restApiId: `api-${requestId}` },
    "restApi.routes": { methods: ["GET /orders", "GET /orders/{orderId}"] },
    "restApi.deploy": { deploymentId: `dep-${requestId}` },
  };
  return outputs[step] ?? {};
}

export function exposureFactsFixture(options: FixtureOptions = {}): ExposureFacts {
  const {
    requestId = "req1",
    scenario = "cross_account_nlb",
    linkMode = "v1",
    stage = "active",
    teamId = "team-payments",
    sourceAccountId = "222222222222",
  } = options;
  const crossAccount = scenario === "cross_account_nlb";
  const hub = {
    id: "hub1",
    accountId: "111111111111",
    accountAlias: "platform-hub",
    region: "eu-west-1",
    vpcId: "vpc-hub",
    subnetIds: ["subnet-a", "subnet-b"],
    executeApiEndpointId: "vpce-execute-api",
    linkMode,
    sharedVpcLinkId: linkMode === "v2" && stage !== "plan" ? "v2link-shared" : null,
  };
  const source: ExposureSource = crossAccount
    ? {
        kind: "crossAccountNlb",
        accountId: sourceAccountId,
        loadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-1:${sourceAccountId}:loadbalancer/net/eks-orders/abc`,
        port: 8443,
      }
    : { kind: "remoteNetwork", networkName: "datacenter-frankfurt", ips: ["10.50.1.10", "10.50.1.11"], port: 8443 };
  const plan = planChain(
    { requestId, apiName: `orders-${requestId}`, stageName: "v1", source },
    { ...hub, securityGroupIds: ["sg-hub"] },
  );
  const statusOf = (index: number): StepFact["status"] =>
    stage === "provisioning"
      ? index < plan.length / 2
        ? "succeeded"
        : index < plan.length / 2 + 1
          ? "waiting"
          : "pending"
      : "succeeded";
  const steps: StepFact[] =
    stage === "plan"
      ? []
      : plan.map((step, index) => ({
          stepId: step.id,
          status: statusOf(index),
          outputs:
            statusOf(index) === "succeeded"
              ? { ...outputsFor(step.id, requestId), ...(step.id === "vpcLink.create" ? { version: linkMode } : {}) }
              : {},
          error: statusOf(index) === "waiting" ? { waitingFor: "NLB is provisioning" } : null,
        }));
  const checkedAt = "2026-11-25T10:00:00.000Z";
  return {
    request: {
      id: requestId,
      apiName: `orders-${requestId}`,
      stageName: "v1",
      scenario,
      status: {
        plan: "pending_approval",
        provisioning: "provisioning",
        active: "active",
        broken: "active",
        decommissioned: "decommissioned",
      }[stage],
      port: 8443,
      teamId,
      teamName: teamId,
      sourceAccountId: crossAccount ? sourceAccountId : null,
      sourceAccountAlias: crossAccount ? "payments-prod" : null,
      loadBalancerArn: source.kind === "crossAccountNlb" ? source.loadBalancerArn : null,
      remoteNetworkName: source.kind === "remoteNetwork" ? source.networkName : null,
      remoteIps: source.kind === "remoteNetwork" ? [...source.ips] : [],
    },
    hub,
    steps,
    resources: [],
    latestCheck:
      stage === "active"
        ? { checkedAt, healthy: true, hops: [] }
        : stage === "broken"
          ? {
              checkedAt,
              healthy: false,
              brokenHop: "targets.register",
              reason: "Target 10.10.1.20 is unhealthy: Target.FailedHealthChecks",
              hops: [{ hop: "targets.register", state: "degraded", detail: "1 of 2 targets unhealthy" }],
            }
          : null,
  };
}
