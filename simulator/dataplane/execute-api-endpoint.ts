import type { SimulatorRuntime } from "../core/service";
import type { VpcEndpoint } from "../model/privatelink";
import type { WireResponse } from "../protocols/query-responses";
import { restApis } from "../services/apigateway/apigateway-records";
import { endpointState } from "../services/ec2/privatelink-records";
import { invokeChain } from "./invoke-chain";

// The execute-api endpoint a consumer VPC calls, standing in for the hub's interface endpoint. Three ways in, as
// with AWS (an unsigned request to the simulator's URL):
//   Host: {api-id}-{vpce-id}.execute-api.{region}.amazonaws.com      (the Route 53 alias of a private API)
//   Host: {api-id}.execute-api.{region}.amazonaws.com                (private DNS of the endpoint)
//   x-apigw-api-id: {api-id}  [x-apigw-vpce-id: {vpce-id}]           (the endpoint's own DNS name plus a header)
// and the path /{stage}/{resource path}. Without an explicit endpoint id the call comes through the API account's
// own execute-api endpoint, as from inside the hub VPC. Example:
//   curl -H 'x-apigw-api-id: abc123defg' "$AWS_ENDPOINT_URL/prod/hello"

const hostPattern = /^([a-z0-9]{10})(?:-(vpce-[0-9a-f]+))?\.execute-api\.([a-z0-9-]+)\./;

export function executeApiTarget(headers: Record<string, string | undefined>): { apiId: string; vpceId?: string } | undefined {
  const fromHost = hostPattern.exec(headers.host ?? "");
  if (fromHost?.[1]) return { apiId: fromHost[1], vpceId: fromHost[2] ?? headers["x-apigw-vpce-id"] };
  const apiId = headers["x-apigw-api-id"];
  return apiId ? { apiId, vpceId: headers["x-apigw-vpce-id"] } : undefined;
}

function defaultEndpoint(sim: SimulatorRuntime, accountId: string): string | undefined {
  return sim.world
    .collection<VpcEndpoint>("ec2.vpcEndpoint")
    .all()
    .find((endpoint) => endpoint.accountId === accountId && endpoint.serviceName.endsWith(".execute-api") && endpointState(endpoint, sim.now()) === "available")?.id;
}

export async function answerExecuteApi(
  sim: SimulatorRuntime,
  target: { apiId: string; vpceId?: string },
  request: { method: string; path: string; headers: Record<string, string | undefined>; body: string },
): Promise<WireResponse> {
  const api = restApis(sim.world).get(target.apiId);
  const [, stageName = "", ...rest] = request.path.split("/");
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter((entry): entry is [string, string] => entry[1] !== undefined && !["host", "x-apigw-api-id", "x-apigw-vpce-id"].includes(entry[0])),
  );
  const result = await invokeChain(sim, {
    accountId: api?.accountId ?? "",
    region: api?.region ?? "",
    restApiId: target.apiId,
    stageName,
    httpMethod: request.method,
    path: `/${rest.join("/")}`,
    headers,
    body: request.body || undefined,
    sourceVpceId: target.vpceId ?? (api ? defaultEndpoint(sim, api.accountId) : undefined),
  });
  return { status: result.status, headers: { ...result.headers, "x-gatehouse-sim-hops": String(result.log.length) }, body: result.body };
}
