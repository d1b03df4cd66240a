import type { CallContext, QueryOperation } from "../../core/service";
import type { VpcEndpoint } from "../../model/privatelink";
import type { QueryParams } from "../../protocols/query-params";
import { notFound } from "./ec2-errors";
import { matchesFilters, readFilters } from "./ec2-queries";
import { endpointServices, endpointState, vpcEndpoints } from "./privatelink-records";

// The provider reviews connection requests to its services: accept moves an endpoint on to pending and then
// available; reject ends it. A 200 answer can still list per-endpoint failures in `unsuccessful`.

function ownServiceIds(context: CallContext): Set<string> {
  return new Set(
    endpointServices(context.world)
      .list({ accountId: context.accountId, region: context.region })
      .map((service) => service.id),
  );
}

function describeConnections(context: CallContext, params: QueryParams) {
  const services = ownServiceIds(context);
  const filters = readFilters(params);
  const connections = vpcEndpoints(context.world)
    .all()
    .filter(
      (endpoint) =>
        endpoint.serviceId !== undefined && services.has(endpoint.serviceId) && endpoint.visibleAt <= context.now,
    )
    .filter((endpoint) => endpointState(endpoint, context.now) !== "deleted")
    .filter((endpoint) =>
      matchesFilters(
        filters,
        {
          "service-id": endpoint.serviceId,
          "vpc-endpoint-id": endpoint.id,
          "vpc-endpoint-owner": endpoint.accountId,
          "vpc-endpoint-state": endpointState(endpoint, context.now),
        },
        {},
      ),
    );
  return {
    vpcEndpointConnectionSet: connections.map((endpoint) => ({
      serviceId: endpoint.serviceId,
      vpcEndpointId: endpoint.id,
      vpcEndpointOwner: endpoint.accountId,
      vpcEndpointState: endpointState(endpoint, context.now),
      creationTimestamp: new Date(endpoint.createdAt),
      dnsEntrySet: endpoint.dnsEntries,
      networkLoadBalancerArnSet:
        endpointServices(context.world).get(endpoint.serviceId ?? "")?.networkLoadBalancerArns ?? [],
      ipAddressType: "ipv4",
    })),
  };
}

function decide(context: CallContext, params: QueryParams, decision: (endpoint: VpcEndpoint) => void) {
  const serviceId = params.required("ServiceId");
  if (!ownServiceIds(context).has(serviceId))
    throw notFound("InvalidVpcEndpointServiceId.NotFound", "Vpc Endpoint Service Id", serviceId);
  const unsuccessful = [];
  for (const id of params.list("VpcEndpointId")) {
    const endpoint = vpcEndpoints(context.world).get(id);
    if (!endpoint || endpoint.serviceId !== serviceId) {
      unsuccessful.push({
        error: {
          code: "InvalidVpcEndpoint.NotFound",
          message: `The VPC endpoint ${id} does not exist or is not connected to ${serviceId}`,
        },
        resourceId: id,
      });
      continue;
    }
    const state = endpointState(endpoint, context.now);
    if (state !== "pendingAcceptance") {
      unsuccessful.push({
        error: { code: "InvalidState", message: `The VPC endpoint ${id} is in state ${state}, not pendingAcceptance.` },
        resourceId: id,
      });
      continue;
    }
    decision(endpoint);
  }
  return { unsuccessful };
}

const accept = (context: CallContext, params: QueryParams) =>
  decide(context, params, (endpoint) => {
    endpoint.lifecycle.push(
      { state: "pending", at: context.now },
      { state: "available", at: context.now + context.sim.profile.latencyMs.endpointAvailableAfterAccept },
    );
  });

const reject = (context: CallContext, params: QueryParams) =>
  decide(context, params, (endpoint) => {
    endpoint.lifecycle.push({ state: "rejected", at: context.now });
  });

export const connectionOperations: Record<string, QueryOperation> = {
  DescribeVpcEndpointConnections: { action: "ec2:DescribeVpcEndpointConnections", handle: describeConnections },
  AcceptVpcEndpointConnections: { action: "ec2:AcceptVpcEndpointConnections", handle: accept },
  RejectVpcEndpointConnections: { action: "ec2:RejectVpcEndpointConnections", handle: reject },
};
