import { phaseAt, type World } from "../../core/world";
import type { CallContext } from "../../core/service";
import type { RestApi, VpcLinkStatus, VpcLinkV1, VpcLinkV2 } from "../../model/apigateway";
import { notFound } from "./apigateway-errors";

export const restApis = (world: World) => world.collection<RestApi>("apigateway.restApi");
export const vpcLinksV1 = (world: World) => world.collection<VpcLinkV1>("apigateway.vpcLink");
export const vpcLinksV2 = (world: World) => world.collection<VpcLinkV2>("apigatewayv2.vpcLink");

/** API Gateway ids: ten lower-case alphanumerics. */
export const newApiGatewayId = (context: CallContext) => context.sim.random.hex(10);

export function linkStatus(
  link: VpcLinkV1 | VpcLinkV2,
  now: number,
): { status: VpcLinkStatus | "INACTIVE"; statusMessage: string } {
  const status = phaseAt(
    link.lifecycle.map((step) => [step.status, step.at] as const),
    now,
  );
  const statusMessage = [...link.lifecycle].reverse().find((step) => step.at <= now)?.statusMessage ?? "";
  return { status, statusMessage };
}

export const isGone = (link: VpcLinkV1 | VpcLinkV2, now: number) => link.goneAt !== undefined && link.goneAt <= now;

export function restApiOf(context: CallContext, id: string): RestApi {
  const api = restApis(context.world).get(id);
  if (!api || api.accountId !== context.accountId || api.region !== context.region)
    throw notFound("Invalid API identifier specified");
  return api;
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
