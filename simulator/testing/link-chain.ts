import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateVpcLinkCommand,
  GetResourcesCommand,
  GetVpcLinkCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateVpcLinkCommand as CreateVpcLinkV2Command,
  GetVpcLinkCommand as GetVpcLinkV2Command,
} from "@aws-sdk/client-apigatewayv2";
import {
  AcceptVpcEndpointConnectionsCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
} from "@aws-sdk/client-ec2";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { managedTag, managedTagSpecifications } from "../../lib/accounts/role-policy";
import { accountRootArn, executeApiServiceName } from "../../lib/aws/partition";
import { buildResourcePolicy, serializeResourcePolicy } from "../../lib/provisioning/resource-policy";
import type { RoleClients } from "./demo-roles";

// The seed article's steps done by hand through the SDK, one function per stretch of the chain (DESIGN §3 names in
// the comments), so the walk-through tests read like the article and can leave out or spoil a single step.

const required = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new Error(`the SDK answer has no ${what}`);
  return value;
};

// Everything is created with Gatehouse's tag, as Gatehouse creates it: the demo roles are the generated ones, which
// allow creating only tagged resources and changing only those.
const managedTags = { [managedTag.Key]: managedTag.Value };

export type Hub = {
  vpcId: string;
  subnetIds: string[];
  zones: string[];
  securityGroupId: string;
  executeApiEndpointId: string;
};

/** The platform hub as the landscape seeded it, discovered through the platform role. */
export async function discoverHub(platform: RoleClients): Promise<Hub> {
  const { Vpcs } = await platform.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["platform-hub"] }] }),
  );
  const vpcId = required(Vpcs?.[0]?.VpcId, "hub VPC");
  const { Subnets = [] } = await platform.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
  );
  const { SecurityGroups } = await platform.ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["hub-endpoints"] }] }),
  );
  const { VpcEndpoints } = await platform.ec2.send(
    new DescribeVpcEndpointsCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpcId] },
        { Name: "service-name", Values: [executeApiServiceName(await platform.ec2.config.region())] },
      ],
    }),
  );
  return {
    vpcId,
    subnetIds: Subnets.map((subnet) => required(subnet.SubnetId, "subnet id")),
    zones: Subnets.map((subnet) => required(subnet.AvailabilityZone, "subnet zone")),
    securityGroupId: required(SecurityGroups?.[0]?.GroupId, "hub security group"),
    executeApiEndpointId: required(VpcEndpoints?.[0]?.VpcEndpointId, "execute-api endpoint"),
  };
}

/** The EKS service's internal NLB, found by the tag the AWS Load Balancer Controller puts on it. */
export async function findServiceLoadBalancer(application: RoleClients, serviceName: string): Promise<string> {
  const { LoadBalancers = [] } = await application.elb.send(new DescribeLoadBalancersCommand({}));
  const arns = LoadBalancers.map((balancer) => required(balancer.LoadBalancerArn, "load balancer ARN"));
  const { TagDescriptions = [] } = await application.elb.send(new DescribeTagsCommand({ ResourceArns: arns }));
  const tagged = TagDescriptions.find((description) =>
    description.Tags?.some((tag) => tag.Key === "kubernetes.io/service-name" && tag.Value === serviceName),
  );
  return required(tagged?.ResourceArn, `load balancer of ${serviceName}`);
}

/** endpointService.create + endpointService.allowPlatform (application account). */
export async function shareLoadBalancer(application: RoleClients, loadBalancerArn: string, platformAccountId: string) {
  const { ServiceConfiguration } = await application.ec2.send(
    new CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: [loadBalancerArn],
      AcceptanceRequired: true,
      ClientToken: `svc-${loadBalancerArn.slice(-12)}`,
      TagSpecifications: managedTagSpecifications("vpc-endpoint-service"),
    }),
  );
  const serviceId = required(ServiceConfiguration?.ServiceId, "service id");
  await application.ec2.send(
    new ModifyVpcEndpointServicePermissionsCommand({
      ServiceId: serviceId,
      AddAllowedPrincipals: [accountRootArn(await application.ec2.config.region(), platformAccountId)],
    }),
  );
  return { serviceId, serviceName: required(ServiceConfiguration?.ServiceName, "service name") };
}

/** interfaceEndpoint.create (platform account): one subnet in each zone the service offers to this account. */
export async function createInterfaceEndpoint(
  platform: RoleClients,
  hub: Hub,
  serviceName: string,
  clientToken: string,
): Promise<string> {
  const { ServiceDetails } = await platform.ec2.send(
    new DescribeVpcEndpointServicesCommand({ ServiceNames: [serviceName] }),
  );
  const offered = ServiceDetails?.[0]?.AvailabilityZones ?? [];
  const subnetIds = hub.subnetIds.filter((_, position) => offered.includes(hub.zones[position] ?? ""));
  const { VpcEndpoint } = await platform.ec2.send(
    new CreateVpcEndpointCommand({
      VpcEndpointType: "Interface",
      VpcId: hub.vpcId,
      ServiceName: serviceName,
      SubnetIds: subnetIds,
      SecurityGroupIds: [hub.securityGroupId],
      ClientToken: clientToken,
      TagSpecifications: managedTagSpecifications("vpc-endpoint"),
    }),
  );
  return required(VpcEndpoint?.VpcEndpointId, "endpoint id");
}

/** interfaceEndpoint.accept (application account); returns the ids AWS accepted. */
export async function acceptPendingConnections(application: RoleClients, serviceId: string): Promise<string[]> {
  const { VpcEndpointConnections = [] } = await application.ec2.send(
    new DescribeVpcEndpointConnectionsCommand({
      Filters: [
        { Name: "service-id", Values: [serviceId] },
        { Name: "vpc-endpoint-state", Values: ["pendingAcceptance"] },
      ],
    }),
  );
  const endpointIds = VpcEndpointConnections.map((connection) => required(connection.VpcEndpointId, "endpoint id"));
  const { Unsuccessful = [] } = await application.ec2.send(
    new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: endpointIds }),
  );
  if (Unsuccessful.length > 0) throw new Error(`acceptance failed: ${JSON.stringify(Unsuccessful)}`);
  return endpointIds;
}

/** interfaceEndpoint.awaitAvailable: the endpoint's state (lower-cased, as AWS sends camelCase) and its ENI IPs. */
export async function endpointAddresses(
  platform: RoleClients,
  endpointId: string,
): Promise<{ state: string; ips: string[] }> {
  const { VpcEndpoints } = await platform.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }));
  const endpoint = required(VpcEndpoints?.[0], "endpoint");
  const { NetworkInterfaces = [] } = await platform.ec2.send(
    new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: endpoint.NetworkInterfaceIds }),
  );
  return {
    state: (endpoint.State ?? "").toLowerCase(),
    ips: NetworkInterfaces.map((eni) => required(eni.PrivateIpAddress, "ENI IP")),
  };
}

export type PlatformBalancer = { loadBalancerArn: string; targetGroupArn: string; dnsName: string };

/** targetGroup.create + loadBalancer.create + listener.create + targets.register (platform account). */
export async function platformLoadBalancer(
  platform: RoleClients,
  hub: Hub,
  input: { name: string; port: number; targets: { Id: string; AvailabilityZone?: string }[] },
): Promise<PlatformBalancer> {
  const { TargetGroups } = await platform.elb.send(
    new CreateTargetGroupCommand({
      Name: `${input.name}-tg`,
      Protocol: "TCP",
      Port: input.port,
      VpcId: hub.vpcId,
      TargetType: "ip",
      Tags: [managedTag],
    }),
  );
  const targetGroupArn = required(TargetGroups?.[0]?.TargetGroupArn, "target group ARN");
  const { LoadBalancers } = await platform.elb.send(
    new CreateLoadBalancerCommand({
      Name: input.name,
      Type: "network",
      Scheme: "internal",
      Subnets: hub.subnetIds,
      Tags: [managedTag],
    }),
  );
  const balancer = required(LoadBalancers?.[0], "load balancer");
  const loadBalancerArn = required(balancer.LoadBalancerArn, "load balancer ARN");
  await platform.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: loadBalancerArn,
      Protocol: "TCP",
      Port: input.port,
      DefaultActions: [{ Type: "forward", TargetGroupArn: targetGroupArn }],
    }),
  );
  await platform.elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: targetGroupArn,
      Targets: input.targets.map((target) => ({ ...target, Port: input.port })),
    }),
  );
  return { loadBalancerArn, targetGroupArn, dnsName: required(balancer.DNSName, "DNS name") };
}

export type LinkChoice = { mode: "v1"; loadBalancerArn: string } | { mode: "v2"; loadBalancerArn: string; hub: Hub };

/** vpcLink.create + vpcLink.awaitAvailable: the link id, once GetVpcLink says AVAILABLE. */
export async function createVpcLink(platform: RoleClients, name: string, choice: LinkChoice): Promise<string> {
  if (choice.mode === "v1") {
    const { id } = await platform.apigateway.send(
      new CreateVpcLinkCommand({ name, targetArns: [choice.loadBalancerArn], tags: managedTags }),
    );
    const link = await platform.apigateway.send(new GetVpcLinkCommand({ vpcLinkId: required(id, "link id") }));
    if (link.status !== "AVAILABLE") throw new Error(`VPC link ${id} is ${link.status}: ${link.statusMessage}`);
    return link.id ?? "";
  }
  const { VpcLinkId } = await platform.apigatewayv2.send(
    new CreateVpcLinkV2Command({
      Name: name,
      SubnetIds: choice.hub.subnetIds,
      SecurityGroupIds: [choice.hub.securityGroupId],
      Tags: managedTags,
    }),
  );
  const link = await platform.apigatewayv2.send(new GetVpcLinkV2Command({ VpcLinkId: required(VpcLinkId, "link id") }));
  if (link.VpcLinkStatus !== "AVAILABLE") throw new Error(`VPC link ${VpcLinkId} is ${link.VpcLinkStatus}`);
  return link.VpcLinkId ?? "";
}

export type PrivateApiInput = {
  name: string;
  allowedEndpointIds: string[];
  associatedEndpointIds: string[];
  vpcLinkId: string;
  /** V2 links name the load balancer on the integration. */
  integrationTarget?: string;
  /** The integration uri's host: the Host header the backend sees. */
  backendHost: string;
  port: number;
};

/** restApi.create + restApi.routes: a private API with `/` and `/{proxy+}`, ANY methods, HTTP_PROXY over the link. */
export async function createPrivateApi(platform: RoleClients, input: PrivateApiInput): Promise<string> {
  const api = await platform.apigateway.send(
    new CreateRestApiCommand({
      name: input.name,
      endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: input.associatedEndpointIds },
      policy: serializeResourcePolicy(buildResourcePolicy(input.allowedEndpointIds)),
      tags: managedTags,
    }),
  );
  const restApiId = required(api.id, "API id");
  const { items = [] } = await platform.apigateway.send(new GetResourcesCommand({ restApiId }));
  const rootId = required(items.find((resource) => resource.path === "/")?.id, "root resource");
  const proxy = await platform.apigateway.send(
    new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "{proxy+}" }),
  );
  const base = `http://${input.backendHost}:${input.port}`;
  for (const [resourceId, uri, proxied] of [
    [rootId, `${base}/`, false],
    [required(proxy.id, "proxy resource"), `${base}/{proxy}`, true],
  ] as const) {
    await platform.apigateway.send(
      new PutMethodCommand({
        restApiId,
        resourceId,
        httpMethod: "ANY",
        authorizationType: "NONE",
        requestParameters: proxied ? { "method.request.path.proxy": true } : undefined,
      }),
    );
    await platform.apigateway.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: "ANY",
        type: "HTTP_PROXY",
        integrationHttpMethod: "ANY",
        connectionType: "VPC_LINK",
        connectionId: input.vpcLinkId,
        integrationTarget: input.integrationTarget,
        uri,
        requestParameters: proxied ? { "integration.request.path.proxy": "method.request.path.proxy" } : undefined,
      }),
    );
  }
  return restApiId;
}

/** restApi.deploy. */
export async function deploy(platform: RoleClients, restApiId: string, stageName = "prod"): Promise<void> {
  await platform.apigateway.send(new CreateDeploymentCommand({ restApiId, stageName }));
}

/** Scenario B in one go: a platform NLB on `ip` (AvailabilityZone all), a VPC link of `mode`, a deployed private API. */
export async function exposeRemoteService(
  platform: RoleClients,
  hub: Hub,
  input: { name: string; ip: string; port: number; backendHost: string; mode: "v1" | "v2" },
): Promise<{ apiId: string; balancer: PlatformBalancer }> {
  const balancer = await platformLoadBalancer(platform, hub, {
    name: input.name,
    port: input.port,
    targets: [{ Id: input.ip, AvailabilityZone: "all" }],
  });
  const link: LinkChoice =
    input.mode === "v1"
      ? { mode: "v1", loadBalancerArn: balancer.loadBalancerArn }
      : { mode: "v2", loadBalancerArn: balancer.loadBalancerArn, hub };
  const apiId = await createPrivateApi(platform, {
    name: input.name,
    allowedEndpointIds: [hub.executeApiEndpointId],
    associatedEndpointIds: [hub.executeApiEndpointId],
    vpcLinkId: await createVpcLink(platform, input.name, link),
    integrationTarget: input.mode === "v2" ? balancer.loadBalancerArn : undefined,
    backendHost: input.backendHost,
    port: input.port,
  });
  await deploy(platform, apiId);
  return { apiId, balancer };
}
