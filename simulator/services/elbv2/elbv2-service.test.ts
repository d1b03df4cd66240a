import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteLoadBalancerCommand,
  DeregisterTargetsCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
  SetSubnetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import {
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { applicationAccount, buildNetwork, platformAccount } from "../../testing/sim-fixture";
import { sharedTestSimulator } from "../../testing/shared-test-simulator";

const fixture = sharedTestSimulator();

const unique = () => Math.random().toString(36).slice(2, 8);

async function balancerWithTargetGroup(latencyMs = 0) {
  fixture.sim.runtime.profile.latencyMs.loadBalancerActive = latencyMs;
  const clients = fixture.clientsFor(platformAccount);
  const network = buildNetwork(fixture.sim, platformAccount);
  const name = `nlb-${unique()}`;
  const { LoadBalancers } = await clients.elb.send(
    new CreateLoadBalancerCommand({
      Name: name,
      Type: "network",
      Scheme: "internal",
      Subnets: network.subnets.map((subnet) => subnet.id),
    }),
  );
  const { TargetGroups } = await clients.elb.send(
    new CreateTargetGroupCommand({
      Name: `tg-${unique()}`,
      Protocol: "TCP",
      Port: 443,
      VpcId: network.vpc.id,
      TargetType: "ip",
    }),
  );
  return {
    clients,
    network,
    name,
    loadBalancerArn: LoadBalancers?.[0]?.LoadBalancerArn ?? "",
    targetGroupArn: TargetGroups?.[0]?.TargetGroupArn ?? "",
  };
}

describe("load balancers", () => {
  it("are provisioning, then active after the profile's latency", async () => {
    // A minute of latency and the simulator's clock moved past it: no race with a busy machine's scheduling.
    const { clients, loadBalancerArn } = await balancerWithTargetGroup(60_000);
    const { runtime } = fixture.sim;
    const realNow = runtime.now;
    try {
      const first = await clients.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] }));
      expect(first.LoadBalancers?.[0]?.State?.Code).toBe("provisioning");
      expect(first.LoadBalancers?.[0]?.DNSName).toMatch(/^nlb-[a-z0-9]+-[0-9a-f]{16}\.elb\.eu-west-1\.amazonaws\.com$/);
      runtime.now = () => realNow() + 61_000;
      const later = await clients.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] }));
      expect(later.LoadBalancers?.[0]?.State?.Code).toBe("active");
    } finally {
      runtime.now = realNow;
      runtime.profile.latencyMs.loadBalancerActive = 0;
    }
  });

  it("are idempotent by name with identical settings and refuse the name with other settings", async () => {
    const { clients, network, name, loadBalancerArn } = await balancerWithTargetGroup();
    const again = await clients.elb.send(
      new CreateLoadBalancerCommand({
        Name: name,
        Type: "network",
        Scheme: "internal",
        Subnets: network.subnets.map((subnet) => subnet.id),
      }),
    );
    expect(again.LoadBalancers?.[0]?.LoadBalancerArn).toBe(loadBalancerArn);
    await expect(
      clients.elb.send(
        new CreateLoadBalancerCommand({
          Name: name,
          Type: "network",
          Scheme: "internal",
          Subnets: [network.subnets[0]?.id ?? ""],
        }),
      ),
    ).rejects.toMatchObject({ name: "DuplicateLoadBalancerNameException" });
  });

  it("refuse invalid names", async () => {
    const clients = fixture.clientsFor(platformAccount);
    const network = buildNetwork(fixture.sim, platformAccount);
    for (const name of ["internal-thing", "a".repeat(33), "-leading"]) {
      await expect(
        clients.elb.send(
          new CreateLoadBalancerCommand({ Name: name, Type: "network", Subnets: [network.subnets[0]?.id ?? ""] }),
        ),
      ).rejects.toThrow(/not valid/);
    }
  });

  it("are invisible to other accounts and cannot be deleted while an endpoint service uses them", async () => {
    const { clients, loadBalancerArn } = await balancerWithTargetGroup();
    await expect(
      fixture
        .clientsFor(applicationAccount)
        .elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })),
    ).rejects.toMatchObject({ name: "LoadBalancerNotFoundException" });
    await clients.ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [loadBalancerArn] }),
    );
    await expect(
      clients.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: loadBalancerArn })),
    ).rejects.toMatchObject({ name: "ResourceInUseException" });
  });

  it("gain zones with SetSubnets, and their endpoint service is offered in them; zones cannot go while it is", async () => {
    const clients = fixture.clientsFor(applicationAccount);
    const network = buildNetwork(fixture.sim, applicationAccount, "10.30");
    const [first, second] = network.subnets.map((subnet) => subnet.id);
    const { LoadBalancers } = await clients.elb.send(
      new CreateLoadBalancerCommand({
        Name: `nlb-${unique()}`,
        Type: "network",
        Scheme: "internal",
        Subnets: [first ?? ""],
      }),
    );
    const LoadBalancerArn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
    const { ServiceConfiguration } = await clients.ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [LoadBalancerArn] }),
    );
    expect(ServiceConfiguration?.AvailabilityZones).toEqual(["eu-west-1a"]);

    const { AvailabilityZones } = await clients.elb.send(
      new SetSubnetsCommand({ LoadBalancerArn, Subnets: [first ?? "", second ?? ""] }),
    );
    expect(AvailabilityZones?.map((zone) => zone.ZoneName)).toEqual(["eu-west-1a", "eu-west-1b"]);
    const { ServiceConfigurations } = await clients.ec2.send(
      new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [ServiceConfiguration?.ServiceId ?? ""] }),
    );
    expect(ServiceConfigurations?.[0]?.AvailabilityZones).toEqual(["eu-west-1a", "eu-west-1b"]);
    await expect(
      clients.elb.send(new SetSubnetsCommand({ LoadBalancerArn, Subnets: [second ?? ""] })),
    ).rejects.toMatchObject({ name: "InvalidConfigurationRequestException" });
  });

  it("answer AccessDenied for a missing action", async () => {
    const narrow = fixture.clientsFor(platformAccount, ["elasticloadbalancing:DescribeLoadBalancers"]);
    await expect(narrow.elb.send(new CreateTargetGroupCommand({ Name: "x", VpcId: "vpc-1" }))).rejects.toMatchObject({
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
    });
  });
});

describe("targets", () => {
  it("need AvailabilityZone all and a private range outside the VPC", async () => {
    const { clients, targetGroupArn } = await balancerWithTargetGroup();
    await expect(
      clients.elb.send(
        new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: [{ Id: "10.50.1.10", Port: 443 }] }),
      ),
    ).rejects.toThrow(/Availability Zone 'all'/);
    await expect(
      clients.elb.send(
        new RegisterTargetsCommand({
          TargetGroupArn: targetGroupArn,
          Targets: [{ Id: "8.8.8.8", Port: 443, AvailabilityZone: "all" }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidTargetException" });
    await clients.elb.send(
      new RegisterTargetsCommand({
        TargetGroupArn: targetGroupArn,
        Targets: [
          { Id: "10.50.1.10", Port: 443, AvailabilityZone: "all" },
          { Id: "10.10.1.99", Port: 443 },
        ],
      }),
    );
  });

  it("report unused without a listener, initial while registering, unhealthy when nothing answers, draining after deregistration", async () => {
    const { clients, loadBalancerArn, targetGroupArn } = await balancerWithTargetGroup();
    await clients.elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: [{ Id: "10.10.1.99", Port: 443 }] }),
    );
    const health = async () =>
      (
        await clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))
      ).TargetHealthDescriptions?.map((description) => description.TargetHealth?.State);
    expect(await health()).toEqual(["unused"]);
    await clients.elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: loadBalancerArn,
        Port: 443,
        Protocol: "TCP",
        DefaultActions: [{ Type: "forward", TargetGroupArn: targetGroupArn }],
      }),
    );
    fixture.sim.runtime.profile.latencyMs.targetHealthy = 100;
    await clients.elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: [{ Id: "10.10.2.99", Port: 443 }] }),
    );
    expect(await health()).toEqual(["unhealthy", "initial"]);
    fixture.sim.runtime.profile.latencyMs.targetHealthy = 0;
    fixture.sim.runtime.profile.latencyMs.targetDrained = 10_000;
    await clients.elb.send(
      new DeregisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: [{ Id: "10.10.1.99", Port: 443 }] }),
    );
    expect(await health()).toEqual(["draining", "initial"]);
    fixture.sim.runtime.profile.latencyMs.targetDrained = 0;
  });

  it("keep client IP preservation off for IP target groups by default", async () => {
    const { clients, targetGroupArn } = await balancerWithTargetGroup();
    const { Attributes } = await clients.elb.send(
      new DescribeTargetGroupAttributesCommand({ TargetGroupArn: targetGroupArn }),
    );
    expect(Attributes?.find((attribute) => attribute.Key === "preserve_client_ip.enabled")?.Value).toBe("false");
  });
});
