import { z } from "zod";
import { AwsError } from "../../core/aws-error";
import type { CallContext, RestRequest } from "../../core/service";
import type { VpcLinkV1 } from "../../model/apigateway";
import {
  createEndpointServiceForLoadBalancer,
  endpointServiceOfLoadBalancer,
  endpointServices,
} from "../ec2/privatelink-records";
import { loadBalancers, loadBalancerState } from "../elbv2/elbv2-records";
import { catalogue, quotaValue } from "../servicequotas/quota-catalogue";
import { badRequest, notFound } from "./apigateway-errors";
import { isGone, linkStatus, newApiGatewayId, restApis, vpcLinksV1 } from "./apigateway-records";
import { parse } from "./rest-apis";
import { vpcLinkRoutesFor } from "./vpc-link-routes";

// REST VPC links (V1, "legacy"): one NLB each, immutable. Behind the scenes API Gateway puts an endpoint service on
// the NLB, so the NLB must be active and must not already back another endpoint service.

const createSchema = z.object({
  name: z.string().min(1),
  targetArns: z.array(z.string()),
  description: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
});

export function vpcLinkV1Wire(link: VpcLinkV1, now: number) {
  const { status, statusMessage } = linkStatus(link, now);
  return {
    id: link.id,
    name: link.name,
    description: link.description,
    targetArns: link.targetArns,
    status,
    statusMessage,
    tags: link.tags,
  };
}

function liveLinks(context: CallContext): VpcLinkV1[] {
  return vpcLinksV1(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .filter((link) => !isGone(link, context.now));
}

function createVpcLink(context: CallContext, request: RestRequest) {
  const input = parse(createSchema, request.body);
  if (input.targetArns.length !== 1)
    throw badRequest("More than one target arn specified. Exactly one Network Load Balancer ARN is allowed.");
  const arn = input.targetArns[0] ?? "";
  const balancer = loadBalancers(context.world).get(arn);
  if (!balancer || balancer.accountId !== context.accountId || balancer.region !== context.region)
    throw badRequest(`Invalid target ARN: load balancer ${arn} was not found in this account`);
  if (balancer.type !== "network") throw badRequest(`Invalid target ARN: ${arn} is not a Network Load Balancer`);
  const quota = quotaValue(context.world, context, catalogue.vpcLinksV1);
  if (liveLinks(context).length >= quota)
    throw new AwsError(
      "LimitExceededException",
      `You have reached the limit of ${quota} VPC links in this region`,
      429,
    );
  const id = newApiGatewayId(context);
  const ready = context.now + context.sim.profile.latencyMs.vpcLinkV1Available;
  let outcome: { status: "AVAILABLE" | "FAILED"; statusMessage: string };
  if (loadBalancerState(balancer, context.now) !== "active") {
    outcome = {
      status: "FAILED",
      statusMessage: `NLB is not in active state. Please wait for NLB ${arn} to become active before creating a VPC link.`,
    };
  } else if (endpointServiceOfLoadBalancer(context.world, arn)) {
    outcome = { status: "FAILED", statusMessage: "NLB is already associated with another VPC Endpoint Service" };
  } else {
    createEndpointServiceForLoadBalancer(context.sim, {
      loadBalancer: balancer,
      acceptanceRequired: false,
      managedByVpcLinkId: id,
    });
    outcome = { status: "AVAILABLE", statusMessage: "Your vpc link is ready for use" };
  }
  const link = vpcLinksV1(context.world).put({
    ...context.newResource(id, input.tags),
    name: input.name,
    description: input.description,
    targetArns: input.targetArns,
    lifecycle: [
      { status: "PENDING", statusMessage: "VPC link is provisioning ENIs", at: context.now },
      { ...outcome, at: ready },
    ],
  });
  return { status: 202, body: vpcLinkV1Wire(link, context.now) };
}

function linkOf(context: CallContext, id: string): VpcLinkV1 {
  const link = vpcLinksV1(context.world).get(id);
  if (!link || link.accountId !== context.accountId || isGone(link, context.now))
    throw notFound("Invalid VPC link identifier specified");
  return link;
}

function deleteVpcLink(context: CallContext, request: RestRequest) {
  const link = linkOf(context, request.pathParams.vpcLinkId ?? "");
  const users = restApis(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .flatMap((api) =>
      api.resources.flatMap((resource) =>
        Object.values(resource.methods)
          .filter((method) => method.integration?.connectionId === link.id && !method.integration.integrationTarget)
          .map((method) => `${method.httpMethod}:${resource.path}`),
      ),
    );
  if (users.length > 0)
    throw badRequest(
      `Cannot delete vpc link. Vpc link '${link.id}', is referenced in [${users.join(", ")}] in format of [Method:Resource].`,
    );
  const done = context.now + context.sim.profile.latencyMs.vpcLinkDeleted;
  link.lifecycle.push({ status: "DELETING", statusMessage: "VPC link is being deleted", at: context.now });
  link.goneAt = done;
  const service = endpointServices(context.world)
    .all()
    .find((candidate) => candidate.managedByVpcLinkId === link.id);
  if (service) endpointServices(context.world).delete(service.id);
  return { status: 202 };
}

export const vpcLinkRoutes = vpcLinkRoutesFor({
  create: createVpcLink,
  list: (context) => ({
    item: liveLinks(context)
      .filter((link) => link.visibleAt <= context.now)
      .map((link) => vpcLinkV1Wire(link, context.now)),
  }),
  show: (context, vpcLinkId) => vpcLinkV1Wire(linkOf(context, vpcLinkId), context.now),
  remove: deleteVpcLink,
});
