import { apiGatewayAuthorization } from "../apigateway/apigateway-authorization";
import { z } from "zod";
import { AwsError } from "../../core/aws-error";
import type { CallContext, RestRequest, RestService } from "../../core/service";
import type { VpcLinkV2 } from "../../model/apigateway";
import type { SecurityGroup, Subnet } from "../../model/network";
import { apiGatewayErrors, badRequest, notFound } from "../apigateway/apigateway-errors";
import { isGone, linkStatus, newApiGatewayId, vpcLinksV2 } from "../apigateway/apigateway-records";
import { parse } from "../apigateway/rest-apis";
import { vpcLinkRoutesFor } from "../apigateway/vpc-link-routes";
import { catalogue, quotaValue } from "../servicequotas/quota-catalogue";
import { allocateNetworkInterface, releaseNetworkInterfaces } from "../ec2/network-interfaces";
import { settleIdleness } from "./link-idleness";

// API Gateway v2 VPC links: ENIs in the given subnets, shared by any number of integrations (REST APIs reach an
// NLB or ALB through them with `integrationTarget`).

const createSchema = z.object({
  name: z.string().min(1),
  subnetIds: z.array(z.string()).min(1),
  securityGroupIds: z.array(z.string()).default([]),
  tags: z.record(z.string(), z.string()).default({}),
});

function wire(context: CallContext, link: VpcLinkV2) {
  const { now } = context;
  settleIdleness(context.sim, link, now);
  const { status, statusMessage } = linkStatus(link, now);
  return {
    // API Gateway v2 writes timestamps as RFC 3339 strings (v1 uses epoch seconds).
    createdDate: new Date(link.createdAt).toISOString(),
    name: link.name,
    securityGroupIds: link.securityGroupIds,
    subnetIds: link.subnetIds,
    tags: link.tags,
    vpcLinkId: link.id,
    vpcLinkStatus: status,
    vpcLinkStatusMessage: statusMessage,
    vpcLinkVersion: "V2",
  };
}

function createVpcLink(context: CallContext, request: RestRequest) {
  const input = parse(createSchema, request.body);
  for (const id of input.subnetIds) {
    const subnet = context.world.collection<Subnet>("ec2.subnet").get(id);
    if (!subnet || subnet.accountId !== context.accountId) throw badRequest(`Subnet ${id} was not found`);
  }
  for (const id of input.securityGroupIds) {
    const group = context.world.collection<SecurityGroup>("ec2.securityGroup").get(id);
    if (!group || group.accountId !== context.accountId) throw badRequest(`Security group ${id} was not found`);
  }
  const quota = quotaValue(context.world, context, catalogue.vpcLinksV2);
  const live = vpcLinksV2(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .filter((link) => !isGone(link, context.now));
  if (live.length >= quota)
    throw new AwsError(
      "LimitExceededException",
      `You have reached the limit of ${quota} VPC links in this region`,
      429,
    );
  const id = newApiGatewayId(context);
  const enis = input.subnetIds.map((subnetId) =>
    allocateNetworkInterface(context.sim, {
      accountId: context.accountId,
      region: context.region,
      subnetId,
      description: `VPC Link ${id}`,
      interfaceType: "api_gateway_managed",
      attachedTo: id,
      securityGroupIds: input.securityGroupIds,
    }),
  );
  const link = vpcLinksV2(context.world).put({
    ...context.newResource(id, input.tags),
    name: input.name,
    subnetIds: input.subnetIds,
    securityGroupIds: input.securityGroupIds,
    networkInterfaceIds: enis.map((eni) => eni.id),
    lifecycle: [
      { status: "PENDING", statusMessage: "VPC link is provisioning ENIs", at: context.now },
      {
        status: "AVAILABLE",
        statusMessage: "VPC link is ready to route traffic",
        at: context.now + context.sim.profile.latencyMs.vpcLinkV2Available,
      },
    ],
  });
  return { status: 201, body: wire(context, link) };
}

function linkOf(context: CallContext, id: string): VpcLinkV2 {
  const link = vpcLinksV2(context.world).get(id);
  if (!link || link.accountId !== context.accountId || isGone(link, context.now))
    throw notFound(`Invalid VpcLink identifier specified ${id}`);
  return link;
}

function deleteVpcLink(context: CallContext, request: RestRequest) {
  const link = linkOf(context, request.pathParams.vpcLinkId ?? "");
  link.lifecycle.push({ status: "DELETING", statusMessage: "VPC link is being deleted", at: context.now });
  link.goneAt = context.now + context.sim.profile.latencyMs.vpcLinkDeleted;
  releaseNetworkInterfaces(context.sim, link.networkInterfaceIds);
  return { status: 202, body: {} };
}

export const apiGatewayV2Service: RestService = {
  protocol: "restJson",
  signingName: "apigateway",
  pathPrefix: "/v2",
  throttleNamespace: "apigatewayv2",
  errors: apiGatewayErrors,
  authorization: apiGatewayAuthorization,
  routes: vpcLinkRoutesFor({
    create: createVpcLink,
    list: (context) => ({
      items: vpcLinksV2(context.world)
        .list({ accountId: context.accountId, region: context.region, visibleAt: context.now })
        .filter((link) => !isGone(link, context.now))
        .map((link) => wire(context, link)),
    }),
    show: (context, vpcLinkId) => wire(context, linkOf(context, vpcLinkId)),
    remove: deleteVpcLink,
  }),
};
