import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureHub, createExecuteApiEndpoint } from "./configure-hub";
import { describeVpcNetwork, hubNetworkProblems, listVpcs } from "./hub-network";
import { registerAccount } from "@/lib/accounts/register-account";
import { verifyAccount } from "@/lib/accounts/verify-account";
import { createClientFactory, type AccountAccess, type ClientFactory } from "@/lib/aws/client-factory";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import type { AwsAccount } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { buildNetwork } from "@/simulator/testing/sim-fixture";
import { useSimulatorAsAws } from "@/lib/testing/simulator-as-aws";
import { remoteRequestData } from "@/lib/testing/remote-request-data";

// The hub against the demo landscape's platform account: live pickers, the server's re-check, one hub per account
// and region, and creating the execute-api endpoint when a VPC has none.

let database: TestDatabase;
let sim: RunningSimulator;
let factory: ClientFactory;
let platform: AwsAccount;
const admin = { label: "ada.admin@gatehouse.demo" };
const savedEnv = { ...process.env };
const region = "eu-west-1";

beforeAll(async () => {
  [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ profile: "instant" })]);
  useSimulatorAsAws(sim);
  factory = createClientFactory();
  await seedDemoOrganisation(database.db);
  const team = await database.db.team.findUniqueOrThrow({ where: { slug: "platform" } });
  platform = await registerAccount(database.db, admin, {
    accountId: "111111111111",
    alias: "platform-hub",
    kind: "platform",
    owningTeamId: team.id,
    regions: [region],
    roleName: "GatehouseProvisioner",
  });
  const role = sim.runtime.world.data.roles[platform.roleArn];
  if (role) role.externalId = platform.externalId;
});

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([database.drop(), sim.close()]);
});

const access = (): AccountAccess => ({
  accountId: platform.accountId,
  roleArn: platform.roleArn,
  externalId: platform.externalId,
  region,
});

async function hubVpc() {
  const { ec2 } = factory.clientsFor(access(), "test");
  const vpc = (await listVpcs(ec2)).find((candidate) => candidate.name === "platform-hub");
  if (!vpc) throw new Error("the landscape's platform-hub VPC is missing");
  return { vpc, network: await describeVpcNetwork(ec2, region, vpc.id) };
}

/** The hub form's answer for the VPC: all its subnets, the given security groups, its execute-api endpoint, v1 links. */
function hubInput(vpcId: string, network: Awaited<ReturnType<typeof hubVpc>>["network"], securityGroupIds: string[]) {
  return {
    accountId: platform.id,
    region,
    vpcId,
    subnetIds: network.subnets.map((subnet) => subnet.id),
    securityGroupIds,
    executeApiEndpointId: network.executeApiEndpoints[0]!.id,
    linkMode: "v1" as const,
  };
}

describe("configuring the platform hub", () => {
  it("refuses an account that has not passed verification", async () => {
    const { vpc, network } = await hubVpc();
    const input = hubInput(vpc.id, network, [network.securityGroups[0]!.id]);
    await expect(configureHub(database.db, admin, input, factory)).rejects.toMatchObject({
      message: expect.stringContaining("Verify platform-hub first"),
      fieldErrors: { accountId: ["validation.hubs.verifyFirst"] },
    });
  });

  it("lists the hub VPC's subnets in two zones, its security group and its execute-api endpoint", async () => {
    expect((await verifyAccount(database.db, admin, platform.id)).ok).toBe(true);
    const { network } = await hubVpc();
    expect(new Set(network.subnets.map((subnet) => subnet.availabilityZone))).toEqual(
      new Set(["eu-west-1a", "eu-west-1b"]),
    );
    expect(network.securityGroups.map((group) => group.name)).toContain("hub-endpoints");
    expect(network.executeApiEndpoints).toHaveLength(1);
  });

  it("saves one hub per account and region, re-checked against the live VPC, with audit events", async () => {
    const { vpc, network } = await hubVpc();
    const input = hubInput(
      vpc.id,
      network,
      network.securityGroups.filter((group) => group.name === "hub-endpoints").map((group) => group.id),
    );
    await expect(
      configureHub(database.db, admin, { ...input, securityGroupIds: ["sg-0123456789abcdef0"] }, factory),
    ).rejects.toMatchObject({ fieldErrors: { securityGroupIds: ["validation.hubs.securityGroupNotInVpc"] } });
    const first = await configureHub(database.db, admin, input, factory);
    const second = await configureHub(database.db, admin, { ...input, linkMode: "v2" }, factory);
    expect(second.id).toBe(first.id);
    expect(await database.db.platformHub.findMany()).toEqual([
      expect.objectContaining({ linkMode: "v2", vpcId: vpc.id, executeApiEndpointId: input.executeApiEndpointId }),
    ]);
    expect(await database.db.auditEvent.count({ where: { action: "hub.configured" } })).toBe(2);
  });

  it("gives a new hub link mode V2 when none is chosen, and an existing hub keeps its mode", async () => {
    const { vpc, network } = await hubVpc();
    const { linkMode: _chosen, ...withoutMode } = hubInput(vpc.id, network, [network.securityGroups[0]!.id]);
    await database.db.platformHub.deleteMany();
    expect((await configureHub(database.db, admin, withoutMode, factory)).linkMode).toBe("v2");
    expect((await configureHub(database.db, admin, { ...withoutMode, linkMode: "v1" }, factory)).linkMode).toBe("v1");
    expect((await configureHub(database.db, admin, withoutMode, factory)).linkMode).toBe("v1");
  });

  it("changes the link mode only while no exposure of the hub is active or in flight", async () => {
    const { vpc, network } = await hubVpc();
    const input = hubInput(vpc.id, network, [network.securityGroups[0]!.id]);
    const hub = await configureHub(database.db, admin, input, factory);
    const team = await database.db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const paul = await database.db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const exposure = await database.db.exposureRequest.create({
      data: { ...remoteRequestData({ teamId: team.id, requesterId: paul.id, hubId: hub.id }), status: "failed" },
    });
    // A failed run still has its resources in AWS: the hub stays as it is.
    await expect(configureHub(database.db, admin, { ...input, linkMode: "v2" }, factory)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("1 exposure is active or in flight"),
    });
    // Rolled back, the request is approved again with nothing in AWS; waiting for approval neither blocks.
    for (const status of ["approved", "pending_approval"] as const) {
      await database.db.exposureRequest.update({ where: { id: exposure.id }, data: { status } });
      const mode = status === "approved" ? "v2" : "v1";
      expect((await configureHub(database.db, admin, { ...input, linkMode: mode }, factory)).linkMode).toBe(mode);
    }
    await database.db.exposureRequest.update({ where: { id: exposure.id }, data: { status: "active" } });
    await expect(configureHub(database.db, admin, { ...input, linkMode: "v2" }, factory)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await database.db.exposureRequest.delete({ where: { id: exposure.id } });
  });

  it("creates an execute-api endpoint with private DNS in a VPC without one, once per network", async () => {
    const { vpc, subnets, securityGroup } = buildNetwork(sim, platform.accountId, "10.20");
    const input = {
      accountId: platform.id,
      region,
      vpcId: vpc.id,
      subnetIds: subnets.map((subnet) => subnet.id),
      securityGroupIds: [securityGroup.id],
    };
    const { ec2 } = factory.clientsFor(access(), "test");
    expect((await describeVpcNetwork(ec2, region, vpc.id)).executeApiEndpoints).toEqual([]);
    const created = await createExecuteApiEndpoint(database.db, admin, input, factory);
    expect(created).toMatchObject({ privateDns: true, subnetIds: input.subnetIds });
    expect((await createExecuteApiEndpoint(database.db, admin, input, factory)).id).toBe(created.id);
    expect((await describeVpcNetwork(ec2, region, vpc.id)).executeApiEndpoints.map((endpoint) => endpoint.id)).toEqual([
      created.id,
    ]);
  });
});

describe("hubNetworkProblems", () => {
  const network = {
    subnets: [
      { id: "subnet-a1", name: "", availabilityZone: "eu-west-1a", cidrBlock: "" },
      { id: "subnet-a2", name: "", availabilityZone: "eu-west-1a", cidrBlock: "" },
      { id: "subnet-b1", name: "", availabilityZone: "eu-west-1b", cidrBlock: "" },
    ],
    securityGroups: [{ id: "sg-1", name: "hub", description: "" }],
    executeApiEndpoints: [{ id: "vpce-1", state: "available", privateDns: true, subnetIds: [] }],
  };

  it("wants two zones, the VPC's own security groups and one of its execute-api endpoints", () => {
    expect(
      hubNetworkProblems(network, {
        subnetIds: ["subnet-a1", "subnet-b1"],
        securityGroupIds: ["sg-1"],
        executeApiEndpointId: "vpce-1",
      }),
    ).toEqual({});
    expect(hubNetworkProblems(network, { subnetIds: ["subnet-a1", "subnet-a2"], securityGroupIds: ["sg-1"] })).toEqual({
      subnetIds: ["validation.hubs.subnetsTwoZones"],
    });
    expect(
      Object.keys(
        hubNetworkProblems(network, {
          subnetIds: ["subnet-a1", "subnet-x"],
          securityGroupIds: ["sg-2"],
          executeApiEndpointId: "vpce-2",
        }),
      ),
    ).toEqual(["subnetIds", "securityGroupIds", "executeApiEndpointId"]);
  });
});
