import { CreateLoadBalancerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHubQuotas } from "./read-hub-quotas";
import { createClientFactory } from "@/lib/aws/client-factory";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { setQuota } from "@/simulator/testing/set-quota";
import { demoRoles } from "@/simulator/testing/demo-roles";
import type { Subnet } from "@/simulator/model/network";

// The real SDK against the simulator's demo landscape, through the production client factory and the demo role.

const region = "eu-west-1";
let sim: RunningSimulator;
const saved = process.env.AWS_ENDPOINT_URL;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant" });
  process.env.AWS_ENDPOINT_URL = sim.url;
});
afterAll(async () => {
  process.env.AWS_ENDPOINT_URL = saved;
  await sim.close();
});

const platformClients = () =>
  createClientFactory({ sts: new STSClient({ region, credentials: sim.portalCredentials }) }).clientsFor(
    {
      accountId: demoRoles.platform.accountId,
      roleArn: `arn:aws:iam::${demoRoles.platform.accountId}:role/GatehouseProvisioner`,
      externalId: demoRoles.platform.externalId,
      region,
    },
    "quota-test",
  );

describe("readHubQuotas", () => {
  it("reads AWS's defaults, then an applied (lowered) value, and counts NLBs from AWS", async () => {
    const clients = platformClients();
    const before = await readHubQuotas(clients);
    const nlbs = before.find((reading) => reading.key === "networkLoadBalancers");
    expect(nlbs).toMatchObject({ limit: 50, limitSource: "awsDefault" });
    expect(before.find((reading) => reading.key === "privateRestApis")).toMatchObject({
      limit: 600,
      limitSource: "documented",
    });
    expect(before.find((reading) => reading.key === "resourcePolicyLength")?.limit).toBe(8192);

    await setQuota(sim, { accountId: demoRoles.platform.accountId, region, quota: "L-69A177A2", value: 3 });
    const after = await readHubQuotas(platformClients());
    expect(after.find((reading) => reading.key === "networkLoadBalancers")).toMatchObject({
      limit: 3,
      limitSource: "applied",
      used: nlbs?.used,
    });
  });

  it("makes the simulator refuse an NLB beyond the lowered quota, as AWS does", async () => {
    const clients = platformClients();
    const used = (await readHubQuotas(clients)).find((reading) => reading.key === "networkLoadBalancers")?.used ?? 0;
    await setQuota(sim, { accountId: demoRoles.platform.accountId, region, quota: "L-69A177A2", value: used });
    const subnets = sim.runtime.world
      .collection<Subnet>("ec2.subnet")
      .list({ accountId: demoRoles.platform.accountId, region });
    await expect(
      clients.elb.send(
        new CreateLoadBalancerCommand({
          Name: "one-too-many",
          Type: "network",
          Scheme: "internal",
          Subnets: [subnets[0]?.id ?? ""],
          Tags: [{ Key: "gatehouse:managed", Value: "true" }],
        }),
      ),
    ).rejects.toMatchObject({ name: "TooManyLoadBalancersException" });
  });

  it("fails with AccessDenied when the role may not read quotas", async () => {
    const undo = revokeFromPlatformRole(sim, "servicequotas:GetAWSDefaultServiceQuota");
    try {
      await expect(readHubQuotas(platformClients())).rejects.toMatchObject({ name: "AccessDeniedException" });
    } finally {
      undo();
    }
  });
});
