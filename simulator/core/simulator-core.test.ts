import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { startSimulator } from "../server";
import { clientsFor, platformAccount, region } from "../testing/sim-fixture";

const paymentsRole = "arn:aws:iam::222222222222:role/GatehouseProvisioner";

describe("identity", () => {
  it("answers who the caller is and lets the portal assume a role only with the right ExternalId", async () => {
    const sim = await startSimulator({ profile: "instant" });
    try {
      const sts = new STSClient({ region, endpoint: sim.url, credentials: sim.portalCredentials });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe("123456789012");
      const assumed = await sts.send(
        new AssumeRoleCommand({
          RoleArn: paymentsRole,
          RoleSessionName: "s1",
          ExternalId: "gh-demo-payments-prod-3f9a",
        }),
      );
      expect(assumed.AssumedRoleUser?.Arn).toBe("arn:aws:sts::222222222222:assumed-role/GatehouseProvisioner/s1");
      for (const input of [
        { ExternalId: "wrong" },
        {},
        { RoleArn: "arn:aws:iam::222222222222:role/Nope", ExternalId: "gh-demo-payments-prod-3f9a" },
      ]) {
        await expect(
          sts.send(new AssumeRoleCommand({ RoleArn: paymentsRole, RoleSessionName: "s1", ...input })),
        ).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      }
      const stranger = clientsFor(sim, "999999999999", ["sts:AssumeRole"]);
      await expect(
        stranger.sts.send(
          new AssumeRoleCommand({
            RoleArn: paymentsRole,
            RoleSessionName: "s1",
            ExternalId: "gh-demo-payments-prod-3f9a",
          }),
        ),
      ).rejects.toMatchObject({ name: "AccessDenied" });
      const nobody = {
        region,
        endpoint: sim.url,
        credentials: { accessKeyId: "AKIANOBODY", secretAccessKey: "x" },
        maxAttempts: 1,
      };
      await expect(new STSClient(nobody).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: "InvalidClientTokenId",
      });
      await expect(new EC2Client(nobody).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
        name: "AuthFailure",
      });
      await expect(new APIGatewayClient(nobody).send(new GetRestApisCommand({}))).rejects.toMatchObject({
        name: "UnrecognizedClientException",
      });
    } finally {
      await sim.close();
    }
  });
});

describe("faults", () => {
  it("fails a seeded share of calls with throttling or 5xx, and some after the change was made", async () => {
    const sim = await startSimulator({ profile: "instant", faultRate: 0.5, seed: 7 });
    try {
      const { apigateway } = clientsFor(sim, platformAccount);
      const outcomes: string[] = [];
      for (let index = 0; index < 40; index += 1) {
        try {
          await apigateway.send(new CreateRestApiCommand({ name: `api-${index}` }));
          outcomes.push("ok");
        } catch (error) {
          outcomes.push((error as Error).name);
        }
      }
      expect(outcomes.filter((outcome) => outcome === "ok").length).toBeGreaterThan(5);
      expect(outcomes).toContain("TooManyRequestsException");
      expect(outcomes).toContain("ServiceUnavailableException");
      sim.runtime.options.faultRate = 0;
      const created = (await apigateway.send(new GetRestApisCommand({}))).items?.length ?? 0;
      // Calls that failed after the change leave an API behind, as a real timeout can: idempotency must cope.
      expect(created).toBeGreaterThan(outcomes.filter((outcome) => outcome === "ok").length);
    } finally {
      await sim.close();
    }
  });

  it("replays the same outcomes for the same seed", async () => {
    const run = async () => {
      const sim = await startSimulator({ profile: "instant", faultRate: 0.4, seed: 42 });
      const { ec2 } = clientsFor(sim, platformAccount);
      const outcomes: string[] = [];
      for (let index = 0; index < 15; index += 1)
        outcomes.push(
          await ec2.send(new DescribeVpcsCommand({})).then(
            () => "ok",
            (error: Error) => error.name,
          ),
        );
      await sim.close();
      return outcomes;
    };
    expect(await run()).toEqual(await run());
  });
});

describe("state", () => {
  it("persists to the state file, so a restart keeps what was created", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "gatehouse-sim-")), "state.json");
    const first = await startSimulator({ profile: "instant", stateFile });
    const created = await clientsFor(first, platformAccount).apigateway.send(
      new CreateRestApiCommand({ name: "kept" }),
    );
    await first.close();
    const second = await startSimulator({ profile: "instant", stateFile });
    try {
      const { items } = await clientsFor(second, platformAccount).apigateway.send(new GetRestApisCommand({}));
      expect(items?.map((api) => api.id)).toContain(created.id);
    } finally {
      await second.close();
    }
  });

  it("reads a version-1 state file, whose identities held action lists, with each list as an Allow document", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "gatehouse-sim-")), "state.json");
    const first = await startSimulator({ profile: "instant", stateFile });
    const { accessKeyId } = first.portalCredentials;
    await first.close();
    const stored = JSON.parse(readFileSync(stateFile, "utf8")) as {
      version: number;
      roles: Record<string, Record<string, unknown>>;
      accessKeys: Record<string, Record<string, unknown>>;
    };
    stored.version = 1;
    for (const identity of [...Object.values(stored.roles), ...Object.values(stored.accessKeys)]) {
      delete identity.policies;
      identity.allowedActions = ["ec2:DescribeVpcs"];
    }
    writeFileSync(stateFile, JSON.stringify(stored));
    const second = await startSimulator({ profile: "instant", stateFile });
    try {
      expect(second.runtime.world.data.accessKeys[accessKeyId]?.policies).toEqual([
        { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ec2:DescribeVpcs"], Resource: "*" }] },
      ]);
      const sts = new STSClient({
        region,
        endpoint: second.url,
        credentials: second.portalCredentials,
        maxAttempts: 1,
      });
      await expect(
        sts.send(
          new AssumeRoleCommand({
            RoleArn: paymentsRole,
            RoleSessionName: "s1",
            ExternalId: "gh-demo-payments-prod-3f9a",
          }),
        ),
      ).rejects.toMatchObject({ name: "AccessDenied" });
    } finally {
      await second.close();
    }
  });

  it("dumps resources per account at /_sim/state and changes options at /_sim/options", async () => {
    const sim = await startSimulator({ profile: "instant" });
    try {
      await clientsFor(sim, platformAccount).apigateway.send(new CreateRestApiCommand({ name: "visible" }));
      const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
        accounts: Record<string, { resources: Record<string, { name?: string }[]> }>;
      };
      expect(state.accounts[platformAccount]?.resources["apigateway.restApi"]?.map((api) => api.name)).toContain(
        "visible",
      );
      const options = await (
        await fetch(`${sim.url}/_sim/options`, {
          method: "POST",
          body: JSON.stringify({ faultRate: 0.25, consistencyDelayMs: 10 }),
        })
      ).json();
      expect(options).toMatchObject({ faultRate: 0.25, consistencyDelayMs: 10 });
    } finally {
      await sim.close();
    }
  });

  it("creates or replaces a role at PUT /_sim/roles, as deploying a role stack would", async () => {
    const sim = await startSimulator({ profile: "instant" });
    try {
      const roleArn = "arn:aws:iam::222222222222:role/GatehouseProvisioner";
      const sts = new STSClient({ region: "eu-west-1", endpoint: sim.url, credentials: sim.portalCredentials });
      const assume = (externalId: string) =>
        sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "stack-test", ExternalId: externalId }));
      const put = (body: unknown) => fetch(`${sim.url}/_sim/roles`, { method: "PUT", body: JSON.stringify(body) });
      expect((await put({ roleArn, externalId: "gh-new-value" })).status).toBe(200);
      await expect(assume("gh-demo-payments-prod-3f9a")).rejects.toMatchObject({ name: "AccessDenied" });
      expect((await assume("gh-new-value")).Credentials?.AccessKeyId).toBeDefined();
      expect((await put({ roleArn: "not-an-arn" })).status).toBe(400);
    } finally {
      await sim.close();
    }
  });
});
