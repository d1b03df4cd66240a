import {
  AcceptVpcEndpointConnectionsCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
  RejectVpcEndpointConnectionsCommand,
} from "@aws-sdk/client-ec2";
import { CreateLoadBalancerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { applicationAccount, buildNetwork, platformAccount, region } from "../../testing/sim-fixture";
import { sharedTestSimulator } from "../../testing/shared-test-simulator";

const fixture = sharedTestSimulator();

async function providerWithService(options: { acceptanceRequired?: boolean } = {}) {
  const provider = fixture.clientsFor(applicationAccount);
  const network = buildNetwork(fixture.sim, applicationAccount, "10.20");
  const { LoadBalancers } = await provider.elb.send(
    new CreateLoadBalancerCommand({
      Name: `app-${Math.random().toString(36).slice(2, 8)}`,
      Type: "network",
      Scheme: "internal",
      Subnets: network.subnets.map((subnet) => subnet.id),
    }),
  );
  const loadBalancerArn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
  const { ServiceConfiguration } = await provider.ec2.send(
    new CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: [loadBalancerArn],
      AcceptanceRequired: options.acceptanceRequired ?? true,
      ClientToken: `svc-${loadBalancerArn}`,
    }),
  );
  return {
    provider,
    network,
    loadBalancerArn,
    serviceId: ServiceConfiguration?.ServiceId ?? "",
    serviceName: ServiceConfiguration?.ServiceName ?? "",
  };
}

describe("EC2 networking reads", () => {
  it("shows each account only its own VPCs and subnets, with zone ids", async () => {
    const network = buildNetwork(fixture.sim, platformAccount);
    const platform = fixture.clientsFor(platformAccount);
    const { Vpcs } = await platform.ec2.send(new DescribeVpcsCommand({ VpcIds: [network.vpc.id] }));
    expect(Vpcs?.[0]?.CidrBlock).toBe("10.10.0.0/16");
    const { Subnets } = await platform.ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [network.vpc.id] }] }),
    );
    expect(Subnets?.map((subnet) => subnet.AvailabilityZoneId).sort()).toEqual(["euw1-az1", "euw1-az2"]);
    const other = fixture.clientsFor(applicationAccount);
    await expect(other.ec2.send(new DescribeVpcsCommand({ VpcIds: [network.vpc.id] }))).rejects.toMatchObject({
      name: "InvalidVpcID.NotFound",
    });
  });

  it("maps zone names to the account's own zone ids", async () => {
    const { AvailabilityZones } = await fixture
      .clientsFor(applicationAccount)
      .ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.find((zone) => zone.ZoneName === `${region}a`)?.ZoneId).toBe("euw1-az2");
  });

  it("answers DryRun with DryRunOperation when allowed and UnauthorizedOperation when not, changing nothing", async () => {
    await expect(
      fixture.clientsFor(platformAccount).ec2.send(new DescribeVpcsCommand({ DryRun: true })),
    ).rejects.toMatchObject({ name: "DryRunOperation" });
    const narrow = fixture.clientsFor(platformAccount, ["ec2:DescribeSubnets"]);
    await expect(narrow.ec2.send(new DescribeVpcsCommand({ DryRun: true }))).rejects.toMatchObject({
      name: "UnauthorizedOperation",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(narrow.ec2.send(new DescribeVpcsCommand({}))).rejects.toThrow(
      /not authorized to perform: ec2:DescribeVpcs/,
    );
  });
});

describe("endpoint services and interface endpoints", () => {
  it("walks an endpoint from pendingAcceptance (camelCase on the wire) through acceptance to available", async () => {
    const { provider, serviceId, serviceName } = await providerWithService();
    const consumer = fixture.clientsFor(platformAccount);
    const consumerNetwork = buildNetwork(fixture.sim, platformAccount, "10.30");
    await expect(
      consumer.ec2.send(new DescribeVpcEndpointServicesCommand({ ServiceNames: [serviceName] })),
    ).rejects.toMatchObject({ name: "InvalidServiceName" });
    await provider.ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: serviceId,
        AddAllowedPrincipals: [`arn:aws:iam::${platformAccount}:root`],
      }),
    );
    const { ServiceDetails } = await consumer.ec2.send(
      new DescribeVpcEndpointServicesCommand({ ServiceNames: [serviceName] }),
    );
    // The provider's NLB is in its zones a and b (euw1-az2, euw1-az3), which the platform account calls b and c.
    expect(ServiceDetails?.[0]?.AvailabilityZones?.sort()).toEqual([`${region}b`, `${region}c`]);

    const offered = consumerNetwork.subnets.filter((subnet) =>
      ServiceDetails?.[0]?.AvailabilityZones?.includes(subnet.availabilityZone),
    );
    const { VpcEndpoint } = await consumer.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "Interface",
        VpcId: consumerNetwork.vpc.id,
        ServiceName: serviceName,
        SubnetIds: offered.map((subnet) => subnet.id),
        SecurityGroupIds: [consumerNetwork.securityGroup.id],
      }),
    );
    expect(VpcEndpoint?.State).toBe("pendingAcceptance");
    const endpointId = VpcEndpoint?.VpcEndpointId ?? "";

    const { VpcEndpointConnections } = await provider.ec2.send(
      new DescribeVpcEndpointConnectionsCommand({
        Filters: [{ Name: "vpc-endpoint-state", Values: ["pendingAcceptance"] }],
      }),
    );
    expect(VpcEndpointConnections?.map((connection) => connection.VpcEndpointId)).toContain(endpointId);
    const accepted = await provider.ec2.send(
      new AcceptVpcEndpointConnectionsCommand({
        ServiceId: serviceId,
        VpcEndpointIds: [endpointId, "vpce-0000000000000000f"],
      }),
    );
    expect(accepted.Unsuccessful?.map((item) => item.ResourceId)).toEqual(["vpce-0000000000000000f"]);
    const { VpcEndpoints } = await consumer.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }));
    expect(VpcEndpoints?.[0]?.State).toBe("available");

    const { NetworkInterfaces } = await consumer.ec2.send(
      new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: VpcEndpoints?.[0]?.NetworkInterfaceIds }),
    );
    expect(NetworkInterfaces?.map((eni) => eni.PrivateIpAddress).every((ip) => ip?.startsWith("10.30."))).toBe(true);

    const deleted = await provider.ec2.send(
      new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }),
    );
    expect(deleted.Unsuccessful?.[0]?.Error?.Code).toBe("ExistingVpcEndpointConnections");
  });

  it("refuses a subnet in a zone the service does not offer", async () => {
    const { provider, serviceId, serviceName } = await providerWithService();
    await provider.ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: serviceId,
        AddAllowedPrincipals: [`arn:aws:iam::${platformAccount}:root`],
      }),
    );
    const consumerNetwork = buildNetwork(fixture.sim, platformAccount, "10.31");
    const wrongZone = consumerNetwork.subnets.find((subnet) => subnet.availabilityZone === `${region}a`);
    await expect(
      fixture.clientsFor(platformAccount).ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: "Interface",
          VpcId: consumerNetwork.vpc.id,
          ServiceName: serviceName,
          SubnetIds: [wrongZone?.id ?? ""],
        }),
      ),
    ).rejects.toThrow(/does not support the availability zone of the subnet/);
  });

  it("makes ClientToken idempotent, and refuses the same token with other parameters", async () => {
    const { provider, loadBalancerArn, serviceId } = await providerWithService();
    const again = await provider.ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        NetworkLoadBalancerArns: [loadBalancerArn],
        AcceptanceRequired: true,
        ClientToken: `svc-${loadBalancerArn}`,
      }),
    );
    expect(again.ServiceConfiguration?.ServiceId).toBe(serviceId);
    await expect(
      provider.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          NetworkLoadBalancerArns: [loadBalancerArn],
          AcceptanceRequired: false,
          ClientToken: `svc-${loadBalancerArn}`,
        }),
      ),
    ).rejects.toMatchObject({ name: "IdempotentParameterMismatch" });
  });

  it("refuses another account's NLB and an NLB that already backs a service", async () => {
    const { loadBalancerArn } = await providerWithService();
    await expect(
      fixture
        .clientsFor(platformAccount)
        .ec2.send(new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [loadBalancerArn] })),
    ).rejects.toThrow(/does not exist in this account/);
    await expect(
      fixture
        .clientsFor(applicationAccount)
        .ec2.send(new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [loadBalancerArn] })),
    ).rejects.toThrow(/already associated/);
  });

  it("ends a rejected connection in state rejected", async () => {
    const { provider, serviceId, serviceName } = await providerWithService();
    await provider.ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, AddAllowedPrincipals: ["*"] }),
    );
    const consumerNetwork = buildNetwork(fixture.sim, platformAccount, "10.32");
    const consumer = fixture.clientsFor(platformAccount);
    const subnet = consumerNetwork.subnets.find((candidate) => candidate.availabilityZone === `${region}b`);
    const { VpcEndpoint } = await consumer.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "Interface",
        VpcId: consumerNetwork.vpc.id,
        ServiceName: serviceName,
        SubnetIds: [subnet?.id ?? ""],
      }),
    );
    await provider.ec2.send(
      new RejectVpcEndpointConnectionsCommand({
        ServiceId: serviceId,
        VpcEndpointIds: [VpcEndpoint?.VpcEndpointId ?? ""],
      }),
    );
    const { VpcEndpoints } = await consumer.ec2.send(
      new DescribeVpcEndpointsCommand({ VpcEndpointIds: [VpcEndpoint?.VpcEndpointId ?? ""] }),
    );
    expect(VpcEndpoints?.[0]?.State).toBe("rejected");
  });

  it("hides a new endpoint from Describe until it is consistent (eventual consistency)", async () => {
    const consumerNetwork = buildNetwork(fixture.sim, platformAccount, "10.33");
    const consumer = fixture.clientsFor(platformAccount);
    // A minute of delay and the simulator's clock moved past it: no race with a busy machine's scheduling.
    const { runtime } = fixture.sim;
    const realNow = runtime.now;
    runtime.options.consistencyDelayMs = 60_000;
    try {
      const { VpcEndpoint } = await consumer.ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: "Interface",
          VpcId: consumerNetwork.vpc.id,
          ServiceName: `com.amazonaws.${region}.execute-api`,
          SubnetIds: consumerNetwork.subnets.map((subnet) => subnet.id),
        }),
      );
      const id = VpcEndpoint?.VpcEndpointId ?? "";
      await expect(consumer.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).rejects.toMatchObject({
        name: "InvalidVpcEndpointId.NotFound",
      });
      runtime.now = () => realNow() + 61_000;
      const { VpcEndpoints } = await consumer.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }));
      expect(VpcEndpoints?.[0]?.PrivateDnsEnabled).toBe(true);
      await expect(
        consumer.ec2.send(
          new CreateVpcEndpointCommand({
            VpcEndpointType: "Interface",
            VpcId: consumerNetwork.vpc.id,
            ServiceName: `com.amazonaws.${region}.execute-api`,
            SubnetIds: [consumerNetwork.subnets[0]?.id ?? ""],
          }),
        ),
      ).rejects.toThrow(/conflicting DNS domain/);
    } finally {
      runtime.now = realNow;
      runtime.options.consistencyDelayMs = 0;
    }
  });
});
