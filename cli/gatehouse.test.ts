import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// The CLI as an admin's automation runs it: a separate process on the same database, acting through the simulator.

const run = promisify(execFile);
let fixture: ProvisioningFixture;
let environment: NodeJS.ProcessEnv;

beforeAll(async () => {
  fixture = await startProvisioningFixture();
  await fixture.hubId("v1");
  environment = fixture.processEnv();
});

afterAll(async () => {
  await fixture.close();
});

const gatehouse = (...args: string[]) => run(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/gatehouse.ts", ...args], { env: environment, timeout: 120_000 });

describe("npx gatehouse", () => {
  it("plans, provisions with a second admin's approval, reports, verifies, adds a consumer endpoint and tears down a request from a YAML file", async () => {
    const team = await fixture.database.db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const file = join(mkdtempSync(join(tmpdir(), "gatehouse-cli-")), "ledger.yaml");
    writeFileSync(
      file,
      [`scenario: remote_network`, `teamId: ${team.id}`, `region: eu-west-1`, `remoteNetworkName: datacenter-frankfurt`, `remoteIps: ["10.50.12.34"]`, `port: 8080`, `apiName: ledger-cli`, `stageName: prod`, `justification: Ledger reads for the checkout team`].join("\n"),
    );
    const requester = ["--as", "paul.payments@gatehouse.demo"];
    const admin = ["--approver", "ada.admin@gatehouse.demo"];

    const plan = JSON.parse((await gatehouse("plan", "--file", file, ...requester)).stdout) as { checks: { status: string }[] };
    expect(plan.checks.some((check) => check.status === "blocker")).toBe(false);

    const provisioned = await gatehouse("provision", "--file", file, ...requester, ...admin);
    expect(provisioned.stdout).toMatch(/provision run \S+: succeeded/);
    const requestId = /submitted (\S+)/.exec(provisioned.stdout)?.[1] ?? "";

    const status = JSON.parse((await gatehouse("status", requestId, ...requester)).stdout) as { status: string };
    expect(status.status).toBe("active");
    const verified = JSON.parse((await gatehouse("verify", requestId, "--as", "ada.admin@gatehouse.demo")).stdout) as { healthy: boolean };
    expect(verified.healthy).toBe(true);

    const consumer = "vpce-0aaaaaaaaaaaaaaaa";
    await expect(gatehouse("consumers", requestId, ...requester, "--add", consumer)).rejects.toMatchObject({ stderr: expect.stringMatching(/platform admins/) });
    const added = JSON.parse((await gatehouse("consumers", requestId, "--as", "ada.admin@gatehouse.demo", "--add", consumer)).stdout) as unknown;
    expect(added).toMatchObject({ vpcEndpointIds: [consumer], inSync: true, reconcile: { status: "deployed", revision: 1 } });
    const again = JSON.parse((await gatehouse("consumers", requestId, "--as", "ada.admin@gatehouse.demo", "--apply")).stdout) as unknown;
    expect(again).toMatchObject({ vpcEndpointIds: [consumer], reconcile: { status: "unchanged" } });

    await expect(gatehouse("teardown", requestId, ...requester, "--approver", "paul.payments@gatehouse.demo")).rejects.toMatchObject({ stderr: expect.stringMatching(/admin/i) });
    expect((await gatehouse("teardown", requestId, ...requester, ...admin)).stdout).toMatch(/decommission run \S+: succeeded/);
    expect(taggedResources(fixture.sim, "gatehouse:request-id", requestId)).toEqual([]);
    const actions = (await fixture.database.db.auditEvent.findMany({ where: { targetId: requestId } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["request.submitted", "run.succeeded", "chain.verified", "consumer_endpoints.changed", "consumer_endpoints.applied"]));
  }, 180_000);
});
