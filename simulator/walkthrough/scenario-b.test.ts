import { DescribeTargetHealthCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { assumeDemoRole, demoRoles, type RoleClients } from "../testing/demo-roles";
import { aliasHost, invokePrivateApi } from "../testing/invoke-private-api";
import { discoverHub, exposeRemoteService, type Hub } from "../testing/link-chain";

// Scenario B of the seed article, by hand through the SDK with the platform role: a service in the Frankfurt
// datacenter, reached by private IP through the hub's transit gateway route, fronted by a platform NLB whose targets
// are registered with AvailabilityZone "all", then a VPC link and a private REST API.

let sim: RunningSimulator;
const simulatorLog: string[] = [];
let platform: RoleClients;
let hub: Hub;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant", log: (line) => simulatorLog.push(line) });
  platform = await assumeDemoRole(sim, demoRoles.platform);
  hub = await discoverHub(platform);
});

afterAll(async () => {
  await sim.close();
});

async function exposeRemoteIp(name: string, ip: string, mode: "v1" | "v2" = "v1") {
  const { apiId, balancer } = await exposeRemoteService(platform, hub, {
    name,
    ip,
    port: 8080,
    backendHost: "ledger.dc-frankfurt.corp",
    mode,
  });
  const { TargetHealthDescriptions = [] } = await platform.elb.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: balancer.targetGroupArn }),
  );
  return { apiId, health: TargetHealthDescriptions.map((description) => description.TargetHealth) };
}

describe("scenario B: another network by private IP", () => {
  it("reaches the datacenter backend through the transit gateway route, a V1 link and a private API", async () => {
    const { apiId, health } = await exposeRemoteIp("gh-ledger", "10.50.12.34");
    expect(health).toEqual([{ State: "healthy" }]);
    const answer = await invokePrivateApi(sim, {
      host: aliasHost(apiId, hub.executeApiEndpointId),
      path: "/prod/accounts/7/balance",
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      service: "ledger-service",
      team: "finance",
      address: "10.50.12.34:8080",
      path: "/accounts/7/balance",
      headers: { host: "ledger.dc-frankfurt.corp:8080" },
    });
  });

  it("reaches it through the hub's V2 link too", async () => {
    const { apiId } = await exposeRemoteIp("gh-ledger-v2", "10.50.12.34", "v2");
    const answer = await invokePrivateApi(sim, {
      host: aliasHost(apiId, hub.executeApiEndpointId),
      path: "/prod/accounts",
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "ledger-service", path: "/accounts" });
  });

  it("fails at targets.register for a private IP that no hub route table sends to a transit gateway", async () => {
    const { apiId, health } = await exposeRemoteIp("gh-unrouted", "10.60.1.1");
    expect(health).toEqual([{ State: "unhealthy", Reason: "Target.Timeout", Description: "Request timed out" }]);
    const answer = await invokePrivateApi(sim, {
      host: aliasHost(apiId, hub.executeApiEndpointId),
      path: "/prod/accounts",
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": "Internal server error"}');
    expect(simulatorLog.at(-1)).toMatch(/hop targets\.register: subnet subnet-[0-9a-f]+ has no route to 10\.60\.1\.1$/);
  });

  it("fails at targets.register for a routed IP where nothing listens", async () => {
    const { apiId, health } = await exposeRemoteIp("gh-nothing", "10.50.99.99");
    expect(health).toEqual([
      { State: "unhealthy", Reason: "Target.FailedHealthChecks", Description: "Health checks failed" },
    ]);
    const answer = await invokePrivateApi(sim, {
      host: aliasHost(apiId, hub.executeApiEndpointId),
      path: "/prod/accounts",
    });
    expect(answer.status).toBe(500);
    expect(simulatorLog.at(-1)).toContain(
      "hop targets.register: nothing listens on 10.50.99.99:8080 in datacenter-frankfurt",
    );
  });
});
