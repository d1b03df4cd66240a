import { request as httpRequest } from "node:http";
import type { SimulatorRuntime } from "../core/service";
import type { ApiResource, Integration } from "../model/apigateway";
import type { Backend } from "../model/backends";
import { isGone, linkStatus, restApis, vpcLinksV1, vpcLinksV2 } from "../services/apigateway/apigateway-records";
import { listeners, loadBalancers, loadBalancerState, targetGroups } from "../services/elbv2/elbv2-records";
import { isInvokeAllowed } from "./resource-policy";
import { traceTarget } from "./trace-target";

// Calls a private REST API the way a client in a consumer VPC would, following the link chain hop by hop:
// stage → resource policy (aws:SourceVpce) → method → integration → VPC link → NLB → listener → healthy target →
// (PrivateLink or transit gateway) → a real backend. A broken hop answers as API Gateway would, and is named.

export type InvokeRequest = {
  accountId: string;
  region: string;
  restApiId: string;
  stageName?: string;
  /** TestInvokeMethod: the API as it is now, not as deployed, and no resource-policy check. */
  useLiveApi?: boolean;
  httpMethod: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  sourceVpceId?: string;
};

export type InvokeResult = { status: number; headers: Record<string, string>; body: string; latencyMs: number; log: string[]; brokenHop?: string };

type Matched = { resource: ApiResource; integration: Integration; proxy: string };

class HopFailure extends Error {
  constructor(
    readonly hop: string,
    readonly status: number,
    readonly body: unknown,
    reason: string,
  ) {
    super(reason);
  }
}

const internalError = (hop: string, reason: string) => new HopFailure(hop, 500, { message: "Internal server error" }, reason);

function matchResource(resources: ApiResource[], path: string, httpMethod: string): Matched {
  const clean = `/${path.split("?")[0]?.replace(/^\/+/, "") ?? ""}`;
  const exact = resources.find((resource) => resource.path === clean);
  const greedy = resources
    .filter((resource) => resource.pathPart?.endsWith("+}"))
    .map((resource) => ({ resource, base: resource.path.slice(0, resource.path.lastIndexOf("/")) }))
    .filter(({ base }) => clean.startsWith(`${base}/`) && clean.length > base.length + 1)
    .sort((a, b) => b.base.length - a.base.length)[0];
  const candidates: { resource: ApiResource; proxy: string }[] = [];
  if (exact) candidates.push({ resource: exact, proxy: "" });
  if (greedy) candidates.push({ resource: greedy.resource, proxy: clean.slice(greedy.base.length + 1) });
  for (const { resource, proxy } of candidates) {
    const method = resource.methods[httpMethod.toUpperCase()] ?? resource.methods.ANY;
    if (!method) continue;
    if (!method.integration) throw internalError("restApi.routes", `${httpMethod} ${resource.path} has no integration`);
    return { resource, integration: method.integration, proxy };
  }
  throw new HopFailure("restApi.routes", 403, { message: "Missing Authentication Token" }, `no method for ${httpMethod} ${clean}`);
}

function integrationTarget(sim: SimulatorRuntime, integration: Integration): string {
  if (integration.connectionType !== "VPC_LINK") throw internalError("restApi.routes", "the integration does not use a VPC link");
  const now = sim.now();
  const link = integration.integrationTarget ? vpcLinksV2(sim.world).get(integration.connectionId ?? "") : vpcLinksV1(sim.world).get(integration.connectionId ?? "");
  if (!link || isGone(link, now)) throw internalError("vpcLink.create", `VPC link ${integration.connectionId ?? ""} does not exist`);
  const { status, statusMessage } = linkStatus(link, now);
  if (status !== "AVAILABLE") throw internalError("vpcLink.awaitAvailable", `VPC link ${link.id} is ${status}${statusMessage ? `: ${statusMessage}` : ""}`);
  return integration.integrationTarget ?? ("targetArns" in link ? (link.targetArns[0] ?? "") : "");
}

function backendBehind(sim: SimulatorRuntime, loadBalancerArn: string, port: number, log: string[]): Backend {
  const now = sim.now();
  const balancer = loadBalancers(sim.world).get(loadBalancerArn);
  if (!balancer) throw internalError("loadBalancer.create", `load balancer ${loadBalancerArn} does not exist`);
  if (loadBalancerState(balancer, now) !== "active") throw internalError("loadBalancer.awaitActive", `load balancer ${balancer.name} is not active`);
  const listener = listeners(sim.world).all().find((candidate) => candidate.loadBalancerArn === balancer.id && candidate.port === port);
  const group = listener && targetGroups(sim.world).get(listener.defaultActions[0]?.targetGroupArn ?? "");
  if (!group) throw internalError("listener.create", `load balancer ${balancer.name} has no listener on port ${port}`);
  const ready = group.targets.filter((target) => target.deregisteredAt === undefined && target.healthyAt <= now);
  if (ready.length === 0) throw internalError("targets.register", `target group ${group.name} has no registered target past its initial health checks`);
  const traces = ready.map((target) => traceTarget(sim, group, target));
  const reached = traces.find((trace) => trace.ok);
  if (reached?.ok) {
    log.push(...reached.path.map((step) => `  → ${step}`));
    return reached.backend;
  }
  const failure = traces.find((trace) => !trace.ok);
  throw internalError(failure && !failure.ok ? failure.hop : "targets.register", failure && !failure.ok ? failure.reason : "no healthy target");
}

function forward(sim: SimulatorRuntime, backend: Backend, request: { method: string; path: string; headers: Record<string, string>; body?: string; hostHeader: string; timeoutMs: number }) {
  const port = sim.backendPorts.get(backend.id);
  if (port === undefined) return Promise.reject(internalError("targets.register", `backend ${backend.name} is not running`));
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, method: request.method, path: request.path, headers: { ...request.headers, host: request.hostHeader }, timeout: request.timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: Object.fromEntries(Object.entries(response.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : (value ?? "")])),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("timeout", () => {
      outgoing.destroy();
      reject(new HopFailure("targets.register", 504, { message: "Endpoint request timed out" }, `backend ${backend.name} did not answer within ${request.timeoutMs} ms`));
    });
    outgoing.on("error", (error) => reject(internalError("targets.register", `backend ${backend.name}: ${error.message}`)));
    if (request.body) outgoing.write(request.body);
    outgoing.end();
  });
}

function backendUrl(integration: Integration, proxy: string): { hostHeader: string; port: number; path: string } {
  const uri = new URL((integration.uri ?? "http://backend/").replace("{proxy}", encodeURI(proxy)));
  const port = uri.port ? Number(uri.port) : uri.protocol === "https:" ? 443 : 80;
  return { hostHeader: uri.host, port, path: `${uri.pathname}${uri.search}` };
}

export async function invokeChain(sim: SimulatorRuntime, request: InvokeRequest): Promise<InvokeResult> {
  const started = sim.now();
  const log: string[] = [`${request.httpMethod} ${request.path} on API ${request.restApiId}${request.stageName ? ` stage ${request.stageName}` : " (test invoke)"}`];
  try {
    const api = restApis(sim.world).get(request.restApiId);
    if (!api || api.accountId !== request.accountId) throw new HopFailure("restApi.create", 403, { message: "Forbidden" }, `API ${request.restApiId} does not exist`);
    let resources = api.resources;
    if (!request.useLiveApi) {
      const stage = api.stages.find((candidate) => candidate.stageName === request.stageName);
      const deployment = stage && api.deployments.find((candidate) => candidate.id === stage.deploymentId);
      if (!deployment) throw new HopFailure("restApi.deploy", 403, { message: "Forbidden" }, `stage ${request.stageName ?? ""} is not deployed`);
      if (!isInvokeAllowed(deployment.snapshot.policy, { sourceVpce: request.sourceVpceId })) {
        const resource = `arn:aws:execute-api:${api.region}:${api.accountId}:${api.id}/${request.stageName ?? ""}/${request.httpMethod}${request.path}`;
        throw new HopFailure("restApi.create", 403, { Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${resource} with an explicit deny` }, `the resource policy does not allow source endpoint ${request.sourceVpceId ?? "(none)"}`);
      }
      resources = deployment.snapshot.resources;
    }
    const matched = matchResource(resources, request.path, request.httpMethod);
    log.push(`  → method ${request.httpMethod} ${matched.resource.path}`);
    const target = backendUrl(matched.integration, matched.proxy);
    const backend = backendBehind(sim, integrationTarget(sim, matched.integration), target.port, log);
    const response = await forward(sim, backend, { method: request.httpMethod, path: target.path, headers: request.headers, body: request.body, hostHeader: target.hostHeader, timeoutMs: matched.integration.timeoutInMillis });
    log.push(`  ← ${response.status} from ${backend.name}`);
    return { ...response, latencyMs: sim.now() - started, log };
  } catch (error) {
    if (!(error instanceof HopFailure)) throw error;
    log.push(`  ✗ hop ${error.hop}: ${error.message}`);
    sim.log(`data plane: hop ${error.hop}: ${error.message}`);
    return { status: error.status, headers: { "content-type": "application/json", "x-amzn-errortype": error.status === 403 ? "ForbiddenException" : "InternalServerErrorException" }, body: JSON.stringify(error.body), latencyMs: sim.now() - started, log, brokenHop: error.hop };
  }
}
