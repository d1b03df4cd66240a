import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredentialCache, roleSessionName } from "./assumed-role-credentials";
import { createClientFactory } from "./client-factory";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// Real SDK clients against the simulator's STS, with the demo landscape's roles and ExternalIds.

let sim: RunningSimulator;
let sts: STSClient;
const payments = {
  accountId: "222222222222",
  roleArn: "arn:aws:iam::222222222222:role/GatehouseProvisioner",
  externalId: "gh-demo-payments-prod-3f9a",
  region: "eu-west-1",
};

const previousEndpoint = process.env.AWS_ENDPOINT_URL;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant" });
  // The production path: the SDK itself reads AWS_ENDPOINT_URL; nothing in lib/aws knows about the simulator.
  process.env.AWS_ENDPOINT_URL = sim.url;
  sts = new STSClient({ region: "eu-west-1", credentials: sim.portalCredentials });
});

afterAll(async () => {
  process.env.AWS_ENDPOINT_URL = previousEndpoint;
  await sim.close();
});

function countAssumeRoles(): () => number {
  const before = Object.keys(sim.runtime.world.data.accessKeys).length;
  return () => Object.keys(sim.runtime.world.data.accessKeys).length - before;
}

describe("the client factory", () => {
  it("acts in the target account through its role, assuming it once for many calls", async () => {
    const assumed = countAssumeRoles();
    const { ec2 } = createClientFactory({ sts }).clientsFor(payments, "request-r1");
    await ec2.send(new DescribeVpcsCommand({}));
    await ec2.send(new DescribeVpcsCommand({}));
    expect(assumed()).toBe(1);
    const caller = Object.values(sim.runtime.world.data.accessKeys).at(-1);
    expect(caller).toMatchObject({
      accountId: "222222222222",
      arn: "arn:aws:sts::222222222222:assumed-role/GatehouseProvisioner/gatehouse-request-r1",
    });
  });

  it("gives the same account and purpose the same clients, and a rotated ExternalId new ones", () => {
    const factory = createClientFactory({ sts });
    const first = factory.clientsFor(payments, "request-r2");
    expect(factory.clientsFor(payments, "request-r2").ec2).toBe(first.ec2);
    expect(factory.clientsFor(payments, "request-r3").ec2).not.toBe(first.ec2);
    expect(factory.clientsFor({ ...payments, externalId: "gh-rotated" }, "request-r2").ec2).not.toBe(first.ec2);
  });

  it("refuses a wrong ExternalId with AccessDenied", async () => {
    const cache = createCredentialCache({ sts });
    await expect(
      cache.providerFor({ roleArn: payments.roleArn, externalId: "guessed", sessionName: "gatehouse-x" })(),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("assumes the role again shortly before the credentials expire", async () => {
    let clock = Date.now();
    const cache = createCredentialCache({ sts, now: () => clock, refreshMarginMs: 5 * 60_000 });
    const provider = cache.providerFor({
      roleArn: payments.roleArn,
      externalId: payments.externalId,
      sessionName: "gatehouse-refresh",
    });
    const first = await provider();
    expect(await provider()).toBe(first);
    clock += 56 * 60_000;
    expect((await provider()).accessKeyId).not.toBe(first.accessKeyId);
  });

  it("names sessions within STS's rules", () => {
    expect(roleSessionName("request cmwv/5zi 8m")).toBe("gatehouse-request-cmwv-5zi-8m");
    expect(roleSessionName("x".repeat(100))).toHaveLength(64);
  });
});
