import { arn } from "../core/partition";
import type { RestApi } from "../model/apigateway";
import { endpointState, vpcEndpoints } from "../services/ec2/privatelink-records";
import { gatewayAnswers, HopBroken, type Trail } from "./gateway-responses";
import { evaluateResourcePolicy } from "./resource-policy";

// Who may call a private API: only a call through an available execute-api interface endpoint reaches it, and the
// resource policy of the deployment (not of the live API: a policy change needs a redeploy) must allow the call
// with that endpoint and its VPC as aws:SourceVpce and aws:SourceVpc.

export type PrivateCall = {
  api: RestApi;
  policy?: string;
  stageName?: string;
  httpMethod: string;
  pathname: string;
  sourceVpceId?: string;
  /** The signed caller of an AWS_IAM method (sigv4-caller.ts). */
  principal?: { arn: string; accountId: string };
};

/** The consumer's execute-api endpoint must carry the call, and the deployed resource policy must allow it. */
export function authorizePrivateCall(trail: Trail, call: PrivateCall): void {
  const { api } = call;
  const endpoint = call.sourceVpceId ? vpcEndpoints(trail.sim.world).get(call.sourceVpceId) : undefined;
  if (
    !endpoint ||
    !endpoint.serviceName.endsWith(".execute-api") ||
    endpoint.region !== api.region ||
    endpointState(endpoint, trail.sim.now()) !== "available"
  ) {
    throw new HopBroken(
      "executeApiEndpoint",
      `${call.sourceVpceId ?? "no VPC endpoint"} is not an available execute-api endpoint in ${api.region}`,
      gatewayAnswers.forbidden(),
    );
  }
  if (!api.endpointConfiguration.types.includes("PRIVATE") || api.disableExecuteApiEndpoint) {
    throw new HopBroken(
      "restApi.create",
      `API ${api.id} is not a private API with its execute-api endpoint enabled`,
      gatewayAnswers.forbidden(),
    );
  }
  const apiArn = arn(api.region, "execute-api", api.accountId, api.id);
  const resourceArn = `${apiArn}/${call.stageName ?? ""}/${call.httpMethod.toUpperCase()}${call.pathname}`;
  const decision = evaluateResourcePolicy(call.policy, {
    action: "execute-api:Invoke",
    resourceArn,
    apiArn,
    context: { "aws:SourceVpce": endpoint.id, "aws:SourceVpc": endpoint.vpcId },
    principal: call.principal,
  });
  if (decision !== "allow") {
    const why = call.policy
      ? `the deployed resource policy denies ${endpoint.id} (${decision === "explicitDeny" ? "explicit deny" : "no statement allows it"})`
      : "the deployed API has no resource policy";
    throw new HopBroken(
      "restApi.create",
      why,
      gatewayAnswers.accessDenied(resourceArn, decision === "explicitDeny", call.principal?.arn),
    );
  }
  trail.note(`resource policy allows ${endpoint.id} (${endpoint.vpcId})`);
}
