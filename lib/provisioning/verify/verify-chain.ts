import { GetRestApiCommand, GetStageCommand, GetVpcLinkCommand } from "@aws-sdk/client-api-gateway";
import { GetVpcLinkCommand as GetVpcLinkV2Command } from "@aws-sdk/client-apigatewayv2";
import { DescribeVpcEndpointConnectionsCommand, DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { RecordedOutputs, StepId } from "../hops/registry";
import { endpointsAllowedBy, sameEndpoints } from "../resource-policy";
import { expectedWiring } from "./chain-wiring";
import { chainIntegrationDrift, documentIntegrationDrift } from "./integration-drift";
import { readChainIntegrations, readDocumentIntegrations } from "./read-integrations";
import { invokeThroughApiGateway, type TestInvokeResult } from "./test-invoke";
import type { AccountClients } from "@/lib/aws/client-factory";
import type { Translatable } from "@/lib/i18n/translatable";
import { storedFix, type StoredFix } from "../engine/stored-fix";

// A verify re-reads every hop of an active chain in AWS, from the consumer's side to the service, then asks API
// Gateway to invoke the API. A hop is `missing` when its resource is gone, `drifted` when it exists but no longer
// matches what Gatehouse built, `degraded` when it exists but does not work.

export type HopState = "healthy" | "degraded" | "missing" | "drifted";
/** `detail` is what AWS answered, as Gatehouse read it; a hop with something to do about it carries the fix too. */
export type HopResult = { hop: StepId; state: HopState; detail: string } & Partial<StoredFix>;
export type ChainVerification = {
  healthy: boolean;
  hops: HopResult[];
  /** The broken hop nearest the service: the others usually fail because of it. */
  brokenHop?: StepId;
  reason?: string;
  testInvoke?: TestInvokeResult;
};

export type VerifyInput = {
  outputs: RecordedOutputs;
  stageName: string;
  port: number;
  /** The Host the integrations call instead of the platform NLB's DNS name, when the exposure names one. */
  backendHost?: string | null;
  /** What the resource policy must allow: the hub's endpoint and the consumers admins added. */
  allowedVpcEndpointIds: string[];
  platform: AccountClients;
  application?: AccountClients;
};

function policyDrift(live: string[] | undefined, wanted: readonly string[]): string {
  if (!live) return "the resource policy is no longer the one Gatehouse wrote (deny unless aws:SourceVpce is allowed)";
  const missing = wanted.filter((id) => !live.includes(id));
  const extra = live.filter((id) => !wanted.includes(id));
  return `the resource policy ${[missing.length > 0 ? `does not allow ${missing.join(", ")}` : "", extra.length > 0 ? `allows ${extra.join(", ")}, which Gatehouse does not` : ""].filter(Boolean).join(" and ")}`;
}

// AWS, "Set up VPC links V2 in API Gateway": a link without traffic for 60 days goes INACTIVE and its network
// interfaces are deleted; requests fail until API Gateway has reprovisioned them, which resuming traffic starts.
const inactiveLinkFix: Translatable = { key: "failures.fix.inactiveLink" };

const notFoundNames = new Set([
  "NotFoundException",
  "LoadBalancerNotFound",
  "LoadBalancerNotFoundException",
  "TargetGroupNotFound",
  "TargetGroupNotFoundException",
  "InvalidVpcEndpointId.NotFound",
  "ListenerNotFound",
]);

/** A value the run recorded, typed by the hop that records it; throws when the run has none. */
type RecordedValue = <S extends StepId>(step: S, key: keyof NonNullable<RecordedOutputs[S]> & string) => string;
type Probe = (input: VerifyInput, value: RecordedValue) => Promise<[HopState, string, Translatable?]>;

const probes: [StepId, Probe][] = [
  [
    "restApi.deploy",
    async (input, value) => {
      const stage = await input.platform.apiGateway.send(
        new GetStageCommand({ restApiId: value("restApi.create", "restApiId"), stageName: input.stageName }),
      );
      return stage.deploymentId
        ? ["healthy", `stage ${input.stageName} serves deployment ${stage.deploymentId}`]
        : ["degraded", `stage ${input.stageName} has no deployment`];
    },
  ],
  [
    "restApi.create",
    async (input, value) => {
      const api = await input.platform.apiGateway.send(
        new GetRestApiCommand({ restApiId: value("restApi.create", "restApiId") }),
      );
      const endpoints = api.endpointConfiguration?.vpcEndpointIds ?? [];
      if (!api.endpointConfiguration?.types?.includes("PRIVATE")) return ["drifted", "the API is no longer PRIVATE"];
      const allowed = endpointsAllowedBy(api.policy);
      if (!sameEndpoints(allowed, input.allowedVpcEndpointIds))
        return ["drifted", policyDrift(allowed, input.allowedVpcEndpointIds)];
      return ["healthy", `private API associated with ${endpoints.join(", ") || "no endpoint"}`];
    },
  ],
  [
    "restApi.routes",
    async (input, value) => {
      const expected = expectedWiring(input.outputs, input);
      if (!expected) return ["degraded", "the run recorded no VPC link or NLB to compare the integrations with"];
      // An API built from its OpenAPI document has the document's methods instead of ANY / and ANY /{proxy+}.
      if (!value("restApi.routes", "proxyResourceId")) {
        const methods = await readDocumentIntegrations(input.platform.apiGateway, value("restApi.create", "restApiId"));
        const drift = documentIntegrationDrift(methods, expected["/"]);
        return drift
          ? ["drifted", drift]
          : [
              "healthy",
              `the document's ${Object.keys(methods).length} methods go through VPC link ${expected["/"].vpcLinkId}`,
            ];
      }
      const live = await readChainIntegrations(input.platform.apiGateway, {
        restApiId: value("restApi.create", "restApiId"),
        rootResourceId: value("restApi.routes", "rootResourceId"),
        proxyResourceId: value("restApi.routes", "proxyResourceId"),
      });
      const drift = chainIntegrationDrift(live, expected);
      return drift
        ? ["drifted", drift]
        : ["healthy", `ANY / and ANY /{proxy+} go through VPC link ${expected["/"].vpcLinkId}`];
    },
  ],
  [
    "vpcLink.create",
    async (input, value) => {
      const id = value("vpcLink.create", "vpcLinkId");
      const status =
        value("vpcLink.create", "version") === "v1"
          ? (await input.platform.apiGateway.send(new GetVpcLinkCommand({ vpcLinkId: id }))).status
          : (await input.platform.apiGatewayV2.send(new GetVpcLinkV2Command({ VpcLinkId: id }))).VpcLinkStatus;
      if (status === "INACTIVE") return ["degraded", `VPC link ${id} is INACTIVE`, inactiveLinkFix];
      return status === "AVAILABLE"
        ? ["healthy", `VPC link ${id} is AVAILABLE`]
        : ["degraded", `VPC link ${id} is ${status ?? "unknown"}`];
    },
  ],
  [
    "loadBalancer.create",
    async (input, value) => {
      const arn = value("loadBalancer.create", "loadBalancerArn");
      const { LoadBalancers } = await input.platform.elb.send(
        new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }),
      );
      const state = LoadBalancers?.[0]?.State?.Code;
      return state === "active" ? ["healthy", "NLB active"] : ["degraded", `NLB is ${state ?? "unknown"}`];
    },
  ],
  [
    "listener.create",
    async (input, value) => {
      const { Listeners } = await input.platform.elb.send(
        new DescribeListenersCommand({ LoadBalancerArn: value("loadBalancer.create", "loadBalancerArn") }),
      );
      const listener = Listeners?.find((candidate) => candidate.Port === input.port);
      if (!listener) return ["missing", `no listener on port ${input.port}`];
      const forwardsToOurs = listener.DefaultActions?.some(
        (action) => action.TargetGroupArn === value("targetGroup.create", "targetGroupArn"),
      );
      return forwardsToOurs
        ? ["healthy", `TCP ${input.port} → target group`]
        : ["drifted", `the listener on ${input.port} no longer forwards to Gatehouse's target group`];
    },
  ],
  [
    "targets.register",
    async (input, value) => {
      const { TargetHealthDescriptions = [] } = await input.platform.elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: value("targetGroup.create", "targetGroupArn") }),
      );
      if (TargetHealthDescriptions.length === 0) return ["missing", "no target is registered"];
      const unhealthy = TargetHealthDescriptions.filter((description) => description.TargetHealth?.State !== "healthy");
      if (unhealthy.length === TargetHealthDescriptions.length) {
        const first = unhealthy[0]?.TargetHealth;
        return [
          "degraded",
          `no healthy target (${first?.State ?? "?"}: ${first?.Description ?? first?.Reason ?? "no reason given"})`,
        ];
      }
      return [
        "healthy",
        `${TargetHealthDescriptions.length - unhealthy.length} of ${TargetHealthDescriptions.length} targets healthy`,
      ];
    },
  ],
  [
    "interfaceEndpoint.create",
    async (input, value) => {
      const id = value("interfaceEndpoint.create", "endpointId");
      const { VpcEndpoints } = await input.platform.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }));
      const state = VpcEndpoints?.[0]?.State?.toLowerCase();
      if (!state || state === "deleted") return ["missing", `interface endpoint ${id} is gone`];
      return state === "available"
        ? ["healthy", `interface endpoint ${id} available`]
        : ["degraded", `interface endpoint ${id} is ${VpcEndpoints?.[0]?.State}`];
    },
  ],
  [
    "endpointService.create",
    async (input, value) => {
      if (!input.application) return ["degraded", "the application account is not registered any more"];
      const serviceId = value("endpointService.create", "serviceId");
      const { VpcEndpointConnections } = await input.application.ec2.send(
        new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: "service-id", Values: [serviceId] }] }),
      );
      const ours = VpcEndpointConnections?.find(
        (connection) => connection.VpcEndpointId === value("interfaceEndpoint.create", "endpointId"),
      );
      if (!ours) return ["missing", `endpoint service ${serviceId} has no connection from the hub endpoint`];
      const state = ours.VpcEndpointState?.toLowerCase();
      return state === "available"
        ? ["healthy", "connection accepted"]
        : ["degraded", `the connection is ${ours.VpcEndpointState}`];
    },
  ],
];

async function probe(input: VerifyInput, hop: StepId, check: Probe): Promise<HopResult> {
  const value: RecordedValue = (step, key) => {
    // Typed at the call site (RecordedValue); the lookup itself reads the step's outputs as a record.
    const found = (input.outputs[step] as Record<string, unknown> | undefined)?.[key];
    if (found === undefined) throw new Error(`the run recorded no ${key} for ${step}`);
    return String(found);
  };
  try {
    const [state, detail, fix] = await check(input, value);
    return { hop, state, detail, ...(fix ? storedFix(fix) : {}) };
  } catch (error) {
    if (error instanceof Error && notFoundNames.has(error.name))
      return { hop, state: "missing", detail: `${error.name}: ${error.message}` };
    throw error;
  }
}

export async function verifyChain(input: VerifyInput): Promise<ChainVerification> {
  const crossAccount = input.outputs["endpointService.create"] !== undefined;
  const applicable = probes.filter(
    ([hop]) => crossAccount || (hop !== "interfaceEndpoint.create" && hop !== "endpointService.create"),
  );
  const hops = await Promise.all(applicable.map(([hop, check]) => probe(input, hop, check)));
  const broken = hops.filter((hop) => hop.state !== "healthy");
  let testInvoke: ChainVerification["testInvoke"];
  const restApiId = input.outputs["restApi.create"]?.restApiId;
  // The method the chain's own test invoke called; runs from before probes were recorded called the root.
  const routes = input.outputs["restApi.routes"];
  const probeResourceId = routes?.probeResourceId ?? routes?.rootResourceId;
  if (broken.every((hop) => hop.hop !== "restApi.create") && restApiId && probeResourceId) {
    testInvoke = await invokeThroughApiGateway(input.platform.apiGateway, {
      restApiId: String(restApiId),
      resourceId: String(probeResourceId),
      path: routes?.probePath ?? "/",
    });
  }
  const deepest = broken.at(-1);
  const invokeFailed = testInvoke !== undefined && testInvoke.status >= 500;
  return {
    healthy: broken.length === 0 && !invokeFailed,
    hops,
    brokenHop: deepest?.hop ?? (invokeFailed ? "chain.verify" : undefined),
    reason:
      (deepest && (deepest.fix ? `${deepest.detail}. ${deepest.fix}` : deepest.detail)) ??
      (invokeFailed ? `test invoke answered ${testInvoke?.status}: ${testInvoke?.body.slice(0, 200)}` : undefined),
    testInvoke,
  };
}
