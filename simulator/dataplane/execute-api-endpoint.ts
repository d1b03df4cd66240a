import type { SimulatorRuntime } from "../core/service";
import type { WireResponse } from "../protocols/query-responses";
import { restApis } from "../services/apigateway/apigateway-records";
import { endpointState, vpcEndpoints } from "../services/ec2/privatelink-records";
import { gatewayAnswers } from "./gateway-responses";
import { invokeChain } from "./invoke-chain";

// The execute-api endpoint, standing in for a consumer VPC calling a private API through its execute-api interface
// endpoint. Calling convention: an UNSIGNED request to the simulator's URL, path /{stage}/{resource path}, naming
// the API (and optionally the endpoint) in one of AWS's ways:
//   Host: {api-id}-{vpce-id}.execute-api.{region}.amazonaws.com   the Route 53 alias; needs the endpoint associated
//                                                                 with the API (vpcEndpointIds), as in AWS
//   Host: {api-id}.execute-api.{region}.amazonaws.com             private DNS of the VPC's execute-api endpoint
//   Host: {vpce-id}-{suffix}.execute-api.{region}.vpce.amazonaws.com + x-apigw-api-id: {api-id}
//   x-apigw-api-id: {api-id}                                      any Host (e.g. the simulator's own address)
// `x-apigw-vpce-id: {vpce-id}` (a simulator convention) picks the endpoint the call comes through when the Host does
// not; otherwise it is the oldest available execute-api endpoint with private DNS in the API's region, i.e. the
// landscape's platform hub endpoint. Example:
//   curl -H 'x-apigw-api-id: a1b2c3d4e5' "$AWS_ENDPOINT_URL/prod/orders/42"

export type ExecuteApiCall = { apiId: string; vpceId?: string; region?: string; viaAlias: boolean };

const dnsSuffix = String.raw`amazonaws\.com(?:\.cn)?`;
const aliasHost = new RegExp(String.raw`^([a-z0-9]{10})-(vpce-[0-9a-f]+)\.execute-api\.([a-z0-9-]+)\.${dnsSuffix}$`);
const endpointHost = new RegExp(
  String.raw`^(vpce-[0-9a-f]+)-[a-z0-9]+(?:-[a-z0-9-]+)?\.execute-api\.([a-z0-9-]+)\.vpce\.${dnsSuffix}$`,
);
const privateDnsHost = new RegExp(String.raw`^([a-z0-9]{10})\.execute-api\.([a-z0-9-]+)\.${dnsSuffix}$`);

/** Whether an unsigned request is a call to a private API, and which API and endpoint it names. */
export function executeApiTarget(headers: Record<string, string | undefined>): ExecuteApiCall | undefined {
  const host = (headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
  const headerApi = headers["x-apigw-api-id"];
  const headerVpce = headers["x-apigw-vpce-id"];
  const alias = aliasHost.exec(host);
  if (alias?.[1] && alias[2]) return { apiId: alias[1], vpceId: alias[2], region: alias[3], viaAlias: true };
  const endpoint = endpointHost.exec(host);
  if (endpoint?.[1]) return { apiId: headerApi ?? "", vpceId: endpoint[1], region: endpoint[2], viaAlias: false };
  const privateDns = privateDnsHost.exec(host);
  if (privateDns?.[1]) return { apiId: privateDns[1], vpceId: headerVpce, region: privateDns[2], viaAlias: false };
  return headerApi ? { apiId: headerApi, vpceId: headerVpce, viaAlias: false } : undefined;
}

function defaultEndpoint(sim: SimulatorRuntime, region: string): string | undefined {
  return vpcEndpoints(sim.world)
    .all()
    .filter(
      (endpoint) =>
        endpoint.region === region && endpoint.serviceName.endsWith(".execute-api") && endpoint.privateDnsEnabled,
    )
    .filter((endpoint) => endpointState(endpoint, sim.now()) === "available")
    .sort((a, b) => a.createdAt - b.createdAt)[0]?.id;
}

const simulatorHeaders = new Set(["host", "x-apigw-vpce-id"]);

export async function answerExecuteApi(
  sim: SimulatorRuntime,
  call: ExecuteApiCall,
  request: { method: string; path: string; headers: Record<string, string | undefined>; body: string },
): Promise<WireResponse> {
  const api = restApis(sim.world).get(call.apiId);
  const region = call.region ?? api?.region ?? "";
  const vpceId = call.vpceId ?? defaultEndpoint(sim, region);
  if (call.viaAlias && api && vpceId && !api.endpointConfiguration.vpcEndpointIds.includes(vpceId)) {
    sim.log(
      `execute-api ${call.apiId}-${vpceId} → 403: hop restApi.create: ${vpceId} is not associated with API ${api.id}, so its alias name does not exist`,
    );
    const forbidden = gatewayAnswers.forbidden();
    return {
      status: forbidden.status,
      headers: { "content-type": "application/json", "x-amzn-errortype": forbidden.errorType ?? "" },
      body: forbidden.body,
    };
  }
  const [pathname = "", query] = request.path.split("?", 2);
  const [, stageName = "", ...rest] = pathname.split("/");
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !simulatorHeaders.has(entry[0]),
    ),
  );
  const result = await invokeChain(sim, {
    accountId: (vpceId && vpcEndpoints(sim.world).get(vpceId)?.accountId) ?? api?.accountId ?? "",
    region,
    restApiId: call.apiId,
    stageName,
    httpMethod: request.method,
    path: `/${rest.join("/")}${query === undefined ? "" : `?${query}`}`,
    headers,
    body: request.body || undefined,
    sourceVpceId: vpceId,
    arrived: request,
  });
  return { status: result.status, headers: result.headers, body: result.body };
}
