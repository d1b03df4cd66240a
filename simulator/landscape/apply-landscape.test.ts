import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeRouteTablesCommand,
  DescribeVpcEndpointsCommand,
  DescribeNetworkInterfacesCommand,
} from "@aws-sdk/client-ec2";
import { DescribeListenersCommand, DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolePolicyDocument } from "../../lib/accounts/role-policy";
import type { Subnet } from "../model/network";
import { defaultLandscapeFile, startSimulator, type RunningSimulator } from "../server";
import { startDemoLandscape } from "../testing/demo-landscape";
import { demoRoles, type RoleClients } from "../testing/demo-roles";
import { findServiceLoadBalancer, type Hub } from "../testing/link-chain";
import { readLandscape } from "./apply-landscape";

// The seeded demo landscape as the portal's roles see it through the SDK, and the landscape file's validation.

let sim: RunningSimulator;
let platform: RoleClients;
let application: RoleClients;
let hub: Hub;

beforeAll(async () => {
  ({ sim, platform, application, hub } = await startDemoLandscape());
});

afterAll(async () => {
  await sim.close();
});

describe("the demo landscape", () => {
  it("gives the platform account a hub VPC with two private subnets in two zones and an available execute-api endpoint", async () => {
    expect(hub.zones).toEqual(["eu-west-1a", "eu-west-1b"]);
    const { VpcEndpoints = [] } = await platform.ec2.send(
      new DescribeVpcEndpointsCommand({ VpcEndpointIds: [hub.executeApiEndpointId] }),
    );
    expect(VpcEndpoints[0]).toMatchObject({
      State: "available",
      PrivateDnsEnabled: true,
      VpcId: hub.vpcId,
      SubnetIds: hub.subnetIds,
    });
    const { NetworkInterfaces = [] } = await platform.ec2.send(
      new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: VpcEndpoints[0]?.NetworkInterfaceIds }),
    );
    expect(NetworkInterfaces.map((eni) => eni.PrivateIpAddress)).toEqual([
      expect.stringMatching(/^10\.10\.1\./),
      expect.stringMatching(/^10\.10\.2\./),
    ]);
  });

  it("routes the datacenter's CIDR from the hub subnets to the transit gateway, leaving the main table local", async () => {
    const { RouteTables = [] } = await platform.ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [hub.vpcId] }] }),
    );
    const explicit = RouteTables.find((table) =>
      table.Associations?.some((association) => association.SubnetId === hub.subnetIds[0]),
    );
    expect(explicit?.Associations?.map((association) => association.SubnetId)).toEqual(hub.subnetIds);
    expect(explicit?.Routes).toContainEqual(
      expect.objectContaining({
        DestinationCidrBlock: "10.50.0.0/16",
        TransitGatewayId: expect.stringMatching(/^tgw-/),
        State: "active",
      }),
    );
    const main = RouteTables.find((table) => table.Associations?.some((association) => association.Main));
    expect(main?.Routes?.map((route) => route.DestinationCidrBlock)).toEqual(["10.10.0.0/16"]);
  });

  it("gives the application account an active internal EKS NLB with a TCP 80 listener, found by its service tag", async () => {
    const arn = await findServiceLoadBalancer(application, "payments/checkout-api");
    const { LoadBalancers = [] } = await application.elb.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }),
    );
    expect(LoadBalancers[0]).toMatchObject({ Type: "network", Scheme: "internal", State: { Code: "active" } });
    expect(LoadBalancers[0]?.AvailabilityZones).toHaveLength(3);
    const { Listeners = [] } = await application.elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn }));
    expect(Listeners.map((listener) => [listener.Protocol, listener.Port])).toEqual([["TCP", 80]]);
  });

  it("gives each cross-account role exactly the policy document Gatehouse generates for its account kind", () => {
    const roleOf = (accountId: string) =>
      sim.runtime.world.data.roles[`arn:aws:iam::${accountId}:role/GatehouseProvisioner`];
    const target = (accountId: string) => ({ partition: "aws" as const, accountId, regions: ["eu-west-1"] });
    expect(roleOf(demoRoles.platform.accountId)?.policies).toEqual([
      rolePolicyDocument("platform", target(demoRoles.platform.accountId)),
    ]);
    expect(roleOf(demoRoles.application.accountId)?.policies).toEqual([
      rolePolicyDocument("application", target(demoRoles.application.accountId)),
    ]);
  });

  it("keeps the pod's IP out of the ENI allocator of its subnet", () => {
    const subnet = sim.runtime.world
      .collection<Subnet>("ec2.subnet")
      .all()
      .find((candidate) => candidate.cidrBlock === "10.20.1.0/24");
    expect(subnet?.allocatedIps).toContain("10.20.1.87");
  });
});

describe("landscape files", () => {
  const directory = mkdtempSync(join(tmpdir(), "gatehouse-landscape-"));
  const demo = () =>
    JSON.parse(readFileSync(defaultLandscapeFile, "utf8")) as {
      accounts: { vpcs?: { cidrBlock: string; executeApiEndpoint?: { subnets: string[] } }[] }[];
    };

  function write(name: string, landscape: unknown): string {
    const file = join(directory, name);
    writeFileSync(file, JSON.stringify(landscape));
    return file;
  }

  it("are validated, naming the offending field", () => {
    const landscape = demo();
    const vpc = landscape.accounts[0]?.vpcs?.[0];
    if (vpc) vpc.cidrBlock = "10.10.0.0";
    expect(() => readLandscape(write("bad-cidr.json", landscape))).toThrow(
      /accounts\.0\.vpcs\.0\.cidrBlock: must be an IPv4 CIDR block/,
    );
  });

  it("refuse a reference to something they do not declare", async () => {
    const landscape = demo();
    const endpoint = landscape.accounts[0]?.vpcs?.[0]?.executeApiEndpoint;
    if (endpoint) endpoint.subnets = ["hub-private-z"];
    await expect(
      startSimulator({ profile: "instant", landscapeFile: write("bad-reference.json", landscape) }),
    ).rejects.toThrow('landscape: unknown subnet "hub-private-z"');
  });
});
