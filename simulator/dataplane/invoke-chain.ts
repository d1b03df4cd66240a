import { randomBytes, randomUUID } from "node:crypto";
import type { SimulatorRuntime } from "../core/service";
import type { ApiResource, RestApi } from "../model/apigateway";
import { restApis } from "../services/apigateway/apigateway-records";
import { platformLoadBalancerHops } from "./chain-hops";
import {
  configurationError,
  createTrail,
  gatewayAnswers,
  HopBroken,
  type Answer,
  type Trail,
} from "./gateway-responses";
import { callBackend, integrationTarget, passThroughHeaders } from "./integration-request";
import { mockAnswer } from "./mock-integration";
import { authorizePrivateCall } from "./private-access";
import { authenticateSignedCall, type ArrivedRequest } from "./sigv4-caller";
import { matchMethod } from "./route-match";
import { traceLoadBalancer } from "./trace-target";
import { linkedLoadBalancer } from "./vpc-link";

// Calls a private REST API the way a client in a consumer VPC would, following the link chain hop by hop:
// API and deployed stage → the caller's execute-api endpoint → resource policy (aws:SourceVpce, aws:SourceVpc) →
// method → integration → VPC link (V1: its NLB; V2: integrationTarget) → NLB listener → target group → a target
// past its initial health checks → PrivateLink or a transit gateway → a real backend, which answers. A broken hop
// answers as API Gateway would and is named in the log and in `brokenHop`.

export type InvokeRequest = {
  accountId: string;
  region: string;
  restApiId: string;
  stageName?: string;
  /** TestInvokeMethod: the API as it is now, not as deployed, and no resource-policy check. */
  useLiveApi?: boolean;
  httpMethod: string;
  /** The resource path, optionally with a query string ("/orders/42?expand=1"), without the stage. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The execute-api interface endpoint the call arrives through. */
  sourceVpceId?: string;
  /** The request as it arrived (Host and stage included), whose SigV4 signature an AWS_IAM method checks. */
  arrived?: ArrivedRequest;
};

export type InvokeResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  latencyMs: number;
  log: string[];
  brokenHop?: string;
};

type Served = { api: RestApi; resources: ApiResource[]; policy?: string; stageVariables: Record<string, string> };

export async function invokeChain(sim: SimulatorRuntime, request: InvokeRequest): Promise<InvokeResult> {
  const started = sim.now();
  const requestId = randomUUID();
  const trail = createTrail(sim, requestId);
  const [pathname = "/", query = ""] = request.path.split("?", 2);
  trail.note(`Starting execution for request: ${requestId}`);
  trail.note(`HTTP Method: ${request.httpMethod}, Resource Path: ${pathname}`);
  const answer = await walk(trail, request, pathname, query).catch((error: unknown): Answer => {
    if (!(error instanceof HopBroken)) throw error;
    if (error.answer.status === 500)
      trail.note(
        "Execution failed due to configuration error: There was an internal error while executing your request",
      );
    trail.note(error.message);
    return {
      status: error.answer.status,
      headers: errorHeaders(error.answer.errorType),
      body: error.answer.body,
      brokenHop: error.hop,
      failure: error.message,
    };
  });
  trail.note(`Method completed with status: ${answer.status}`);
  const where = `${request.restApiId}/${request.stageName ?? "test-invoke-stage"} ${request.httpMethod} ${request.path}${request.sourceVpceId ? ` via ${request.sourceVpceId}` : ""}`;
  sim.log(`execute-api ${where} → ${answer.status}${answer.failure ? `: ${answer.failure}` : ""}`);
  const headers = {
    ...answer.headers,
    "x-amzn-requestid": requestId,
    "x-amz-apigw-id": randomBytes(12).toString("base64"),
  };
  return {
    status: answer.status,
    headers,
    body: answer.body,
    latencyMs: sim.now() - started,
    log: trail.lines,
    brokenHop: answer.brokenHop,
  };
}

function errorHeaders(errorType: string | undefined): Record<string, string> {
  return { "content-type": "application/json", ...(errorType ? { "x-amzn-errortype": errorType } : {}) };
}

async function walk(trail: Trail, request: InvokeRequest, pathname: string, query: string): Promise<Answer> {
  const { sim } = trail;
  const served = servedApi(sim, request);
  const matched = matchMethod(served.resources, request.httpMethod, pathname);
  if (!request.useLiveApi) {
    // An AWS_IAM method authenticates its caller first; the resource policy then judges that principal.
    const principal =
      matched?.method.authorizationType === "AWS_IAM"
        ? await authenticateSignedCall(
            sim,
            request.arrived ?? {
              method: request.httpMethod,
              path: request.path,
              headers: request.headers,
              body: request.body ?? "",
            },
          )
        : undefined;
    authorizePrivateCall(trail, {
      ...served,
      pathname,
      stageName: request.stageName,
      httpMethod: request.httpMethod,
      sourceVpceId: request.sourceVpceId,
      principal,
    });
    if (principal) trail.note(`AWS_IAM: signed by ${principal.arn}`);
  }
  if (!matched)
    throw new HopBroken(
      "restApi.routes",
      `no method matches ${request.httpMethod} ${pathname}`,
      gatewayAnswers.missingAuthenticationToken(),
    );
  trail.note(`Method request path: ${JSON.stringify(matched.pathParameters)}`);
  const integration = matched.method.integration;
  if (!integration)
    throw configurationError("restApi.routes", `${request.httpMethod} ${matched.resource.path} has no integration`);
  if (integration.type === "MOCK") return mockAnswer(integration);
  if (integration.type !== "HTTP_PROXY" && integration.type !== "HTTP")
    throw configurationError("restApi.routes", `${integration.type} integrations are not simulated`);
  const target = integrationTarget(integration, matched.pathParameters, query, served.stageVariables);
  trail.note(`Endpoint request URI: ${target.uri}`);
  const trace = traceLoadBalancer(
    sim,
    linkedLoadBalancer(trail, served.api, integration, served.stageVariables),
    target.port,
    platformLoadBalancerHops,
  );
  for (const step of trace.path) trail.note(`→ ${step}`);
  if (!trace.ok) throw configurationError(trace.hop, trace.reason);
  const localPort = sim.backendPorts.get(trace.backend.id) ?? 0;
  const method =
    !integration.httpMethod || integration.httpMethod === "ANY" ? request.httpMethod : integration.httpMethod;
  const headers: Record<string, string> = {
    ...passThroughHeaders(request.headers),
    host: target.hostHeader,
    "x-amzn-trace-id": traceId(sim.now()),
  };
  if (request.sourceVpceId) headers["x-amzn-vpce-id"] = request.sourceVpceId;
  trail.note(`Sending request to ${target.uri}`);
  const sent = sim.now();
  const outcome = await callBackend(localPort, {
    method,
    path: target.path,
    headers,
    body: request.body,
    timeoutMs: integration.timeoutInMillis,
  });
  if (outcome.kind === "timedOut") {
    throw new HopBroken(
      "backend",
      `${trace.backend.name} did not answer within ${integration.timeoutInMillis} ms`,
      gatewayAnswers.endpointRequestTimedOut(),
    );
  }
  if (outcome.kind === "failed") throw configurationError("backend", `${trace.backend.name}: ${outcome.message}`);
  trail.note(`Received response. Status: ${outcome.status}, Integration latency: ${sim.now() - sent} ms`);
  return { status: outcome.status, headers: outcome.headers, body: outcome.body };
}

/** The API and what it serves: the deployed snapshot of a stage, or (test invoke) the live API. */
function servedApi(sim: SimulatorRuntime, request: InvokeRequest): Served {
  const api = restApis(sim.world).get(request.restApiId);
  const ownerOnly = request.useLiveApi === true;
  if (!api || api.region !== request.region || (ownerOnly && api.accountId !== request.accountId)) {
    throw new HopBroken(
      "restApi.create",
      `API ${request.restApiId} does not exist${request.region ? ` in ${request.region}` : ""}`,
      gatewayAnswers.forbidden(),
    );
  }
  if (request.useLiveApi) return { api, resources: api.resources, policy: api.policy, stageVariables: {} };
  const stage = api.stages.find((candidate) => candidate.stageName === request.stageName);
  const deployment = stage && api.deployments.find((candidate) => candidate.id === stage.deploymentId);
  if (!stage || !deployment)
    throw new HopBroken(
      "restApi.deploy",
      `API ${api.id} has no stage "${request.stageName ?? ""}"`,
      gatewayAnswers.forbidden(),
    );
  return {
    api,
    resources: deployment.snapshot.resources,
    policy: deployment.snapshot.policy,
    stageVariables: stage.variables,
  };
}

function traceId(now: number): string {
  return `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;
}
