import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Vpc } from "../model/network";
import { startSimulator, type RunningSimulator } from "../server";
import { assumeDemoRole, demoRoles } from "../testing/demo-roles";
import { aliasHost, invokePrivateApi } from "../testing/invoke-private-api";
import { discoverHub, exposeRemoteService } from "../testing/link-chain";

// The embedded mode persists the simulator's world to a file: after a restart the chain built before still answers,
// with the backends started again on new loopback ports, and the landscape is not seeded a second time.

const running: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(stateFile: string): Promise<RunningSimulator> {
  const sim = await startSimulator({ profile: "instant", stateFile });
  running.push(sim);
  return sim;
}

describe("a restart from the state file", () => {
  it("keeps the private API answering through the whole chain", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "gatehouse-sim-")), "state.json");
    const first = await start(stateFile);
    const platform = await assumeDemoRole(first, demoRoles.platform);
    const hub = await discoverHub(platform);
    const { apiId } = await exposeRemoteService(platform, hub, {
      name: "gh-ledger",
      ip: "10.50.12.34",
      port: 8080,
      backendHost: "ledger.dc-frankfurt.corp",
      mode: "v1",
    });
    const request = { host: aliasHost(apiId, hub.executeApiEndpointId), path: "/prod/accounts" };
    expect((await invokePrivateApi(first, request)).status).toBe(200);
    await first.close();
    running.splice(0);

    const second = await start(stateFile);
    const answer = await invokePrivateApi(second, request);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "ledger-service", path: "/accounts" });
    // The demo landscape's three VPCs: the hub, the payments EKS VPC and the logistics consumer VPC.
    expect(second.runtime.world.collection<Vpc>("ec2.vpc").all()).toHaveLength(3);
  });
});
