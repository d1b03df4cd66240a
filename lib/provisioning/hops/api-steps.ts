import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateVpcLinkCommand,
  DeleteVpcLinkCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetVpcLinkCommand,
  GetVpcLinksCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateVpcLinkCommand as CreateVpcLinkV2Command,
  DeleteVpcLinkCommand as DeleteVpcLinkV2Command,
  GetVpcLinkCommand as GetVpcLinkV2Command,
  GetVpcLinksCommand as GetVpcLinksV2Command,
} from "@aws-sdk/client-apigatewayv2";
import { DescribeTargetHealthCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { buildResourcePolicy, serializeResourcePolicy } from "../resource-policy";
import { dnsSuffixForRegion } from "@/lib/aws/partition";
import { invokeThroughApiGateway } from "../verify/test-invoke";
import type { PacedOperation } from "../engine/api-call-pacing";
import { done, PermanentStepError, wait, type StepContext, type StepExecutor, type StepOutcome } from "../engine/step-runtime";

// The API Gateway side. API Gateway takes no idempotency token and API names are not unique, so every create looks
// for its resource by tag first and records the ID the moment AWS returns it.

const hubLinkTag = "gatehouse:hub-link";

/**
 * Finds the step's resource by its recorded ID or by tag, else creates it. A create that failed ambiguously (a 5xx
 * after AWS made the change, a lost connection) is not repeated until API Gateway's lists have had `createSettleMs`
 * to show what it made: API Gateway has no idempotency token, and a blind retry would build a twin. A create AWS
 * refused outright (4xx: throttled, invalid) made nothing, so its retry need not wait. Rate-limited creates wait for
 * their turn first. Returns the ID, or the outcome to return while the step cannot have it yet.
 */
async function findOrCreate(
  context: StepContext,
  key: string,
  find: () => Promise<string | undefined>,
  create: () => Promise<string | undefined>,
  operation?: PacedOperation,
): Promise<string | StepOutcome> {
  const recorded = context.previous[key];
  if (typeof recorded === "string") return recorded;
  const found = await find();
  if (found) {
    await context.record({ [key]: found });
    return found;
  }
  const attemptedAt = context.previous[`${key}AttemptedAt`];
  if (typeof attemptedAt === "number" && Date.now() - attemptedAt < context.createSettleMs) {
    return wait(`waiting for API Gateway to list the ${key} an interrupted create may have made`, 2_000);
  }
  const turn = operation && (await context.awaitTurn(operation));
  if (turn) return turn;
  await context.record({ [`${key}AttemptedAt`]: Date.now() });
  const created = await create().catch(async (error: unknown) => {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== undefined && status >= 400 && status < 500) await context.record({ [`${key}AttemptedAt`]: 0 });
    throw error;
  });
  if (!created) throw new Error(`API Gateway returned no ${key}`);
  await context.record({ [key]: created });
  return created;
}

const notFound = (error: Error) => {
  if (error.name !== "NotFoundException") throw error;
  return undefined;
};

/** A link's status (undefined when it is gone) and its deletion, for either kind of link. */
function linkApi(context: StepContext, version: "v1" | "v2") {
  const { apiGateway, apiGatewayV2 } = context.platform;
  return version === "v1"
    ? {
        status: (id: string) => apiGateway.send(new GetVpcLinkCommand({ vpcLinkId: id })).then((link) => link.status, notFound),
        remove: (id: string) => apiGateway.send(new DeleteVpcLinkCommand({ vpcLinkId: id })).catch(notFound),
      }
    : {
        status: (id: string) => apiGatewayV2.send(new GetVpcLinkV2Command({ VpcLinkId: id })).then((link) => link.VpcLinkStatus, notFound),
        remove: (id: string) => apiGatewayV2.send(new DeleteVpcLinkV2Command({ VpcLinkId: id })).catch(notFound),
      };
}

/**
 * A link AWS put in FAILED never becomes AVAILABLE, and AWS's remedy is to delete it and create another. True when the
 * link is usable; otherwise it is deleted (when FAILED) and the caller forgets it.
 */
async function isUsableLink(context: StepContext, version: "v1" | "v2", id: string): Promise<boolean> {
  const links = linkApi(context, version);
  const status = await links.status(id);
  if (status !== undefined && status !== "FAILED" && status !== "DELETING") return true;
  if (status === "FAILED") await links.remove(id);
  return false;
}

/** When a retry runs this step again, the FAILED link it recorded (or one already deleting or gone) is forgotten. */
async function forgetFailedLink(context: StepContext, version: "v1" | "v2"): Promise<StepContext> {
  const recorded = context.previous.vpcLinkId;
  if (typeof recorded !== "string" || (await isUsableLink(context, version, recorded))) return context;
  const previous = Object.fromEntries(Object.entries(context.previous).filter(([key]) => key !== "vpcLinkId" && key !== "vpcLinkIdAttemptedAt"));
  return { ...context, previous };
}

async function createV1Link(original: StepContext) {
  const context = await forgetFailedLink(original, "v1");
  const { apiGateway } = context.platform;
  const vpcLinkId = await findOrCreate(
    context,
    "vpcLinkId",
    async () => {
      const { items } = await apiGateway.send(new GetVpcLinksCommand({ limit: 500 }));
      return items?.find((link) => link.tags?.["gatehouse:request-id"] === context.requestId && link.status !== "FAILED" && link.status !== "DELETING")?.id;
    },
    async () => (await context.platform.apiGatewayOnce.send(new CreateVpcLinkCommand({ name: `gatehouse-${context.requestId}`.slice(0, 128), targetArns: [String(context.output("loadBalancer.create", "loadBalancerArn"))], tags: context.tags }))).id,
  );
  if (typeof vpcLinkId !== "string") return vpcLinkId;
  await context.recordResource({ kind: "vpc-link", identifier: vpcLinkId, accountId: context.hub.accountId });
  return done({ vpcLinkId, version: "v1" });
}

/** Link mode v2: one link per hub, shared by every exposure; it is the hub's, not the request's, so teardown keeps it. */
async function ensureSharedV2Link(original: StepContext) {
  // A hub link AWS put in FAILED (or that is gone) is replaced by whichever run claims the hub next.
  const recorded = await original.sharedVpcLink.recorded();
  if (recorded && (await isUsableLink(original, "v2", recorded))) return done({ vpcLinkId: recorded, version: "v2" });
  if (recorded) await original.sharedVpcLink.forget(recorded);
  if (!(await original.sharedVpcLink.claim())) return wait("another exposure is creating the hub's shared VPC link", 2_000);
  const context = await forgetFailedLink(original, "v2");
  const { apiGatewayV2 } = context.platform;
  const hubKey = `${context.hub.accountId}/${context.hub.vpcId}`;
  const vpcLinkId = await findOrCreate(
    context,
    "vpcLinkId",
    async () => {
      const { Items } = await apiGatewayV2.send(new GetVpcLinksV2Command({}));
      return Items?.find((link) => link.Tags?.[hubLinkTag] === hubKey && link.VpcLinkStatus !== "DELETING" && link.VpcLinkStatus !== "FAILED")?.VpcLinkId;
    },
    async () =>
      (
        await context.platform.apiGatewayV2Once.send(
          new CreateVpcLinkV2Command({ Name: `gatehouse-hub-${context.hub.vpcId}`, SubnetIds: context.hub.subnetIds, SecurityGroupIds: context.hub.securityGroupIds, Tags: { [hubLinkTag]: hubKey, "gatehouse:managed": "true" } }),
        )
      ).VpcLinkId,
    "CreateVpcLinkV2",
  );
  if (typeof vpcLinkId !== "string") return vpcLinkId;
  await context.sharedVpcLink.save(vpcLinkId);
  return done({ vpcLinkId, version: "v2" });
}

export const createVpcLink: StepExecutor = (context) => (context.hub.linkMode === "v1" ? createV1Link(context) : ensureSharedV2Link(context));

export const awaitVpcLinkAvailable: StepExecutor = async (context) => {
  const id = String(context.output("vpcLink.create", "vpcLinkId"));
  const { status, message } =
    context.output("vpcLink.create", "version") === "v1"
      ? await context.platform.apiGateway.send(new GetVpcLinkCommand({ vpcLinkId: id })).then((link) => ({ status: link.status, message: link.statusMessage }))
      : await context.platform.apiGatewayV2.send(new GetVpcLinkV2Command({ VpcLinkId: id })).then((link) => ({ status: link.VpcLinkStatus, message: link.VpcLinkStatusMessage }));
  if (status === "AVAILABLE") return done();
  if (status === "FAILED") {
    throw new PermanentStepError(
      `VPC link ${id} FAILED: ${message ?? "no reason given"}`,
      "VpcLinkFailed",
      "Make sure the platform NLB is active and backs no other endpoint service (remove any VPC link or endpoint service made on it by hand), then retry: the retry deletes the FAILED link and creates a new one. Or roll back.",
    );
  }
  return wait(`VPC link ${id} is ${status ?? "unknown"}`, 15_000);
};

export const createRestApi: StepExecutor = async (context) => {
  const { apiGateway } = context.platform;
  const restApiId = await findOrCreate(
    context,
    "restApiId",
    async () => {
      const { items } = await apiGateway.send(new GetRestApisCommand({ limit: 500 }));
      return items?.find((api) => api.tags?.["gatehouse:request-id"] === context.requestId)?.id;
    },
    async () =>
      (
        await context.platform.apiGatewayOnce.send(
          new CreateRestApiCommand({
            name: context.exposure.apiName,
            description: `Gatehouse exposure ${context.requestId}`,
            endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: [context.hub.executeApiEndpointId] },
            policy: serializeResourcePolicy(buildResourcePolicy([context.hub.executeApiEndpointId])),
            tags: context.tags,
          }),
        )
      ).id,
    "CreateRestApi",
  );
  if (typeof restApiId !== "string") return restApiId;
  await context.recordResource({ kind: "rest-api", identifier: restApiId, accountId: context.hub.accountId });
  return done({ restApiId });
};

export const createRoutes: StepExecutor = async (context) => {
  const { apiGateway } = context.platform;
  const restApiId = String(context.output("restApi.create", "restApiId"));
  const { items } = await apiGateway.send(new GetResourcesCommand({ restApiId, limit: 500 }));
  const root = items?.find((resource) => resource.path === "/");
  if (!root?.id) throw new Error(`REST API ${restApiId} has no root resource`);
  const proxy = items?.find((resource) => resource.path === "/{proxy+}") ?? (await context.platform.apiGatewayOnce.send(new CreateResourceCommand({ restApiId, parentId: root.id, pathPart: "{proxy+}" })));
  if (!proxy.id) throw new Error("API Gateway returned no {proxy+} resource");
  const host = context.exposure.backendHost ?? String(context.output("loadBalancer.create", "dnsName"));
  const v2 = context.output("vpcLink.create", "version") === "v2";
  for (const [resourceId, greedy] of [[root.id, false], [proxy.id, true]] as const) {
    await apiGateway.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "ANY", authorizationType: "NONE", requestParameters: greedy ? { "method.request.path.proxy": true } : undefined }));
    await apiGateway.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: "ANY",
        type: "HTTP_PROXY",
        integrationHttpMethod: "ANY",
        uri: `http://${host}:${context.exposure.source.port}/${greedy ? "{proxy}" : ""}`,
        connectionType: "VPC_LINK",
        connectionId: String(context.output("vpcLink.create", "vpcLinkId")),
        integrationTarget: v2 ? String(context.output("loadBalancer.create", "loadBalancerArn")) : undefined,
        requestParameters: greedy ? { "integration.request.path.proxy": "method.request.path.proxy" } : undefined,
      }),
    );
  }
  return done({ rootResourceId: root.id, proxyResourceId: proxy.id });
};

/** The endpoint-specific name works from any VPC routed to the hub endpoint; the private DNS name only inside it. */
function invokeUrls(context: StepContext, restApiId: string) {
  const { region, executeApiEndpointId } = context.hub;
  const suffix = dnsSuffixForRegion(region);
  return {
    invokeUrl: `https://${restApiId}-${executeApiEndpointId}.execute-api.${region}.${suffix}/${context.exposure.stageName}`,
    privateDnsInvokeUrl: `https://${restApiId}.execute-api.${region}.${suffix}/${context.exposure.stageName}`,
  };
}

export const deploy: StepExecutor = async (context) => {
  const { apiGateway } = context.platform;
  const restApiId = String(context.output("restApi.create", "restApiId"));
  const stageName = context.exposure.stageName;
  if (typeof context.previous.deploymentId === "string") {
    const stage = await apiGateway.send(new GetStageCommand({ restApiId, stageName })).catch(() => undefined);
    if (stage?.deploymentId === context.previous.deploymentId) return done({ deploymentId: stage.deploymentId, ...invokeUrls(context, restApiId) });
  }
  const turn = await context.awaitTurn("CreateDeployment");
  if (turn) return turn;
  // Without SDK retries: a throttled call goes back for a new turn instead of holding the account's writes.
  const deployment = await context.platform.apiGatewayOnce.send(new CreateDeploymentCommand({ restApiId, stageName, description: `Gatehouse ${context.requestId}` }));
  if (!deployment.id) throw new Error("API Gateway returned no deployment");
  await context.record({ deploymentId: deployment.id });
  return done({ deploymentId: deployment.id, ...invokeUrls(context, restApiId) });
};

export const verifyChain: StepExecutor = async (context) => {
  const TargetGroupArn = String(context.output("targetGroup.create", "targetGroupArn"));
  const { TargetHealthDescriptions } = await context.platform.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }));
  const states = (TargetHealthDescriptions ?? []).map((description) => description.TargetHealth?.State);
  if (!states.includes("healthy")) return wait(`no healthy target yet (${states.join(", ") || "none registered"})`, 10_000);
  const restApiId = String(context.output("restApi.create", "restApiId"));
  const result = await invokeThroughApiGateway(context.platform.apiGateway, { restApiId, resourceId: String(context.output("restApi.routes", "rootResourceId")), path: "/" });
  if (result.status === 0 || result.status >= 500) return wait(`test invoke answered ${result.status || "nothing"}`, 10_000);
  return done({ testInvokeStatus: result.status, latencyMs: result.latencyMs });
};
