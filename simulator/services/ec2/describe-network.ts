import type { CallContext, QueryOperation } from "../../core/service";
import type { NetworkInterface, RouteTable, SecurityGroup, Subnet, Vpc } from "../../model/network";
import type { QueryParams } from "../../protocols/query-params";
import { invalidParameterValue, notFound } from "./ec2-errors";
import { describe, readFilters, tagSet } from "./ec2-queries";

// Read-only views of the account's network, as EC2 answers them.

const describeVpcs = (context: CallContext, params: QueryParams) => ({
  vpcSet: describe(context, context.world.collection<Vpc>("ec2.vpc"), {
    ids: params.list("VpcId"),
    filters: readFilters(params),
    fields: (vpc) => ({
      "vpc-id": vpc.id,
      "cidr-block": vpc.cidrBlock,
      "is-default": String(vpc.isDefault),
      state: "available",
    }),
    notFound: (id) => notFound("InvalidVpcID.NotFound", "vpc ID", id),
  }).map((vpc) => ({
    vpcId: vpc.id,
    ownerId: vpc.accountId,
    state: "available",
    cidrBlock: vpc.cidrBlock,
    dhcpOptionsId: "dopt-default",
    instanceTenancy: "default",
    isDefault: vpc.isDefault,
    tagSet: tagSet(vpc.tags),
  })),
});

const describeSubnets = (context: CallContext, params: QueryParams) => ({
  subnetSet: describe(context, context.world.collection<Subnet>("ec2.subnet"), {
    ids: params.list("SubnetId"),
    filters: readFilters(params),
    fields: (subnet) => ({
      "subnet-id": subnet.id,
      "vpc-id": subnet.vpcId,
      "availability-zone": subnet.availabilityZone,
      "availability-zone-id": subnet.availabilityZoneId,
      "cidr-block": subnet.cidrBlock,
      state: "available",
    }),
    notFound: (id) => notFound("InvalidSubnetID.NotFound", "subnet ID", id),
  }).map((subnet) => ({
    subnetId: subnet.id,
    subnetArn: `arn:${context.world.account(subnet.accountId)?.partition ?? "aws"}:ec2:${subnet.region}:${subnet.accountId}:subnet/${subnet.id}`,
    vpcId: subnet.vpcId,
    ownerId: subnet.accountId,
    state: "available",
    cidrBlock: subnet.cidrBlock,
    availabilityZone: subnet.availabilityZone,
    availabilityZoneId: subnet.availabilityZoneId,
    availableIpAddressCount: 251 - subnet.allocatedIps.length,
    mapPublicIpOnLaunch: false,
    tagSet: tagSet(subnet.tags),
  })),
});

const permissions = (rules: SecurityGroup["ingress"]) =>
  rules.map((rule) => ({
    ipProtocol: rule.protocol,
    fromPort: rule.protocol === "-1" ? undefined : rule.fromPort,
    toPort: rule.protocol === "-1" ? undefined : rule.toPort,
    ipRanges: rule.cidrs.map((cidrIp) => ({ cidrIp })),
  }));

const describeSecurityGroups = (context: CallContext, params: QueryParams) => ({
  securityGroupInfo: describe(context, context.world.collection<SecurityGroup>("ec2.securityGroup"), {
    ids: params.list("GroupId"),
    filters: readFilters(params),
    fields: (group) => ({ "group-id": group.id, "group-name": group.groupName, "vpc-id": group.vpcId }),
    notFound: (id) => notFound("InvalidGroup.NotFound", "security group", id),
  }).map((group) => ({
    groupId: group.id,
    groupName: group.groupName,
    groupDescription: group.description,
    vpcId: group.vpcId,
    ownerId: group.accountId,
    ipPermissions: permissions(group.ingress),
    ipPermissionsEgress: permissions(group.egress),
    tagSet: tagSet(group.tags),
  })),
});

const describeRouteTables = (context: CallContext, params: QueryParams) => ({
  routeTableSet: describe(context, context.world.collection<RouteTable>("ec2.routeTable"), {
    ids: params.list("RouteTableId"),
    filters: readFilters(params),
    fields: (table) => ({
      "route-table-id": table.id,
      "vpc-id": table.vpcId,
      "association.subnet-id": table.subnetIds,
      "association.main": String(table.main),
    }),
    notFound: (id) => notFound("InvalidRouteTableID.NotFound", "routeTable ID", id),
  }).map((table) => ({
    routeTableId: table.id,
    vpcId: table.vpcId,
    ownerId: table.accountId,
    routeSet: table.routes.map((route) => ({
      destinationCidrBlock: route.destinationCidrBlock,
      ...(route.target === "local"
        ? { gatewayId: "local" }
        : route.target.startsWith("tgw-")
          ? { transitGatewayId: route.target }
          : { gatewayId: route.target }),
      state: route.state,
      origin: route.target === "local" ? "CreateRouteTable" : "CreateRoute",
    })),
    associationSet: [
      ...(table.main
        ? [{ routeTableAssociationId: `rtbassoc-${table.id.slice(4)}`, routeTableId: table.id, main: true }]
        : []),
      ...table.subnetIds.map((subnetId, index) => ({
        routeTableAssociationId: `rtbassoc-${table.id.slice(4, 12)}${index}`,
        routeTableId: table.id,
        subnetId,
        main: false,
      })),
    ],
    tagSet: tagSet(table.tags),
  })),
});

const describeAvailabilityZones = (context: CallContext, params: QueryParams) => {
  const zones = context.world.account(context.accountId)?.availabilityZones[context.region] ?? [];
  const names = params.list("ZoneName");
  const unknown = names.find((name) => !zones.some((zone) => zone.zoneName === name));
  if (unknown) throw invalidParameterValue(`The zone '${unknown}' does not exist.`);
  return {
    availabilityZoneInfo: zones
      .filter((zone) => names.length === 0 || names.includes(zone.zoneName))
      .map((zone) => ({
        zoneName: zone.zoneName,
        zoneId: zone.zoneId,
        zoneState: "available",
        regionName: context.region,
        zoneType: "availability-zone",
        optInStatus: "opt-in-not-required",
        groupName: context.region,
        networkBorderGroup: context.region,
      })),
  };
};

const describeNetworkInterfaces = (context: CallContext, params: QueryParams) => ({
  networkInterfaceSet: describe(context, context.world.collection<NetworkInterface>("ec2.networkInterface"), {
    ids: params.list("NetworkInterfaceId"),
    filters: readFilters(params),
    fields: (eni) => ({
      "network-interface-id": eni.id,
      "vpc-id": eni.vpcId,
      "subnet-id": eni.subnetId,
      "availability-zone": eni.availabilityZone,
      "private-ip-address": eni.privateIpAddress,
      "interface-type": eni.interfaceType,
      description: eni.description,
    }),
    notFound: (id) => notFound("InvalidNetworkInterfaceID.NotFound", "networkInterface ID", id),
  }).map((eni) => ({
    networkInterfaceId: eni.id,
    subnetId: eni.subnetId,
    vpcId: eni.vpcId,
    availabilityZone: eni.availabilityZone,
    description: eni.description,
    ownerId: eni.accountId,
    requesterManaged: eni.requesterManaged,
    status: eni.status,
    interfaceType: eni.interfaceType,
    privateIpAddress: eni.privateIpAddress,
    privateIpAddressesSet: [{ privateIpAddress: eni.privateIpAddress, primary: true }],
    groupSet: eni.securityGroupIds.map((groupId) => ({ groupId })),
    tagSet: tagSet(eni.tags),
  })),
});

export const networkOperations: Record<string, QueryOperation> = {
  DescribeVpcs: { action: "ec2:DescribeVpcs", handle: describeVpcs },
  DescribeSubnets: { action: "ec2:DescribeSubnets", handle: describeSubnets },
  DescribeSecurityGroups: { action: "ec2:DescribeSecurityGroups", handle: describeSecurityGroups },
  DescribeRouteTables: { action: "ec2:DescribeRouteTables", handle: describeRouteTables },
  DescribeAvailabilityZones: { action: "ec2:DescribeAvailabilityZones", handle: describeAvailabilityZones },
  DescribeNetworkInterfaces: { action: "ec2:DescribeNetworkInterfaces", handle: describeNetworkInterfaces },
};
