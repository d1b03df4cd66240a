import { CreateVpcLinkCommand } from "@aws-sdk/client-apigatewayv2";
import { describe, expect, it } from "vitest";
import { repairChainsOnReplacedLink } from "../engine/repair-replaced-links";
import { checkChain } from "../verify/chain-checks";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { continuousTraffic } from "@/lib/testing/continuous-traffic";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { VpcLinkV2 } from "@/simulator/model/apigateway";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { clientsFor } from "@/simulator/testing/sim-fixture";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// When the hub's shared V2 link is replaced, the exposures built on the old one are moved to the new one and
// redeployed by the engine (a repair run each). Verify reports them broken while the old link is FAILED; after the
// repair they answer again, and a repair while the old link still works (V2 → V2) drops no request.

const fixture = sharedProvisioningFixture(async (started) => {
  // CreateVpcLink (v2) and CreateDeployment are paced; the engine's clock runs ten times faster here.
  started.dependencies.timeScale = 10;
});

function failLink(vpcLinkId: string) {
  const link = (fixture.sim.runtime.world.data.collections["apigatewayv2.vpcLink"] as Record<string, VpcLinkV2>)[
    vpcLinkId
  ];
  if (!link) throw new Error(`no V2 link ${vpcLinkId} in the simulator`);
  link.lifecycle.push({
    status: "FAILED",
    statusMessage: "Insufficient free IP addresses in subnet",
    at: fixture.sim.runtime.now(),
  });
}

async function activeV2Exposure() {
  const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v2" });
  expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  const restApiId =
    taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
      (resource) => resource.kind === "apigateway.restApi",
    )?.id ?? "";
  const hub = await fixture.database.db.platformHub.findFirstOrThrow();
  return { requestId, target: { host: aliasHost(restApiId, hub.executeApiEndpointId), path: "/prod/entries" } };
}

async function repairAll(hubId: string) {
  const runs = await repairChainsOnReplacedLink(fixture.database.db, hubId);
  return Promise.all(runs.map((runId) => advanceToEnd(fixture.dependencies, runId).then((result) => result.status)));
}

describe("exposures on a replaced hub link", () => {
  it("are reported broken while the old link is FAILED, moved to the replacement by a repair run each, then answer without a failure", async () => {
    const { db } = fixture.database;
    const first = await activeV2Exposure();
    const second = await activeV2Exposure();
    const hubId = await fixture.hubId("v2");
    const failed = (await db.platformHub.findUniqueOrThrow({ where: { id: hubId } })).sharedVpcLinkId ?? "";
    failLink(failed);
    const broken = await checkChain(db, fixture.dependencies.clients, first.requestId);
    expect(broken).toMatchObject({ healthy: false, brokenHop: "vpcLink.create" });
    expect(broken.reason).toContain(`VPC link ${failed} is FAILED`);
    expect((await invokePrivateApi(fixture.sim, first.target)).status).toBeGreaterThanOrEqual(500);

    // The next exposure's run replaces the hub's link (AWS's remedy); the first two are still on the FAILED one.
    await activeV2Exposure();
    const replacement = (await db.platformHub.findUniqueOrThrow({ where: { id: hubId } })).sharedVpcLinkId;
    expect(replacement).not.toBe(failed);
    expect(await repairAll(hubId)).toEqual(["succeeded", "succeeded"]);
    expect(await repairChainsOnReplacedLink(db, hubId), "nothing left to repair").toEqual([]);

    const traffic = [
      continuousTraffic(fixture.sim, first.target, 200),
      continuousTraffic(fixture.sim, second.target, 200),
    ];
    const tallies = await Promise.all(
      traffic.map(async (caller) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return caller.stop();
      }),
    );
    const sent = tallies.reduce((sum, tally) => sum + tally.sent, 0);
    const failedRequests = tallies.flatMap((tally) => tally.failures);
    console.log(`after the FAILED link's replacement and repair: ${sent} requests, ${failedRequests.length} failed`);
    expect(failedRequests).toEqual([]);
    for (const { requestId } of [first, second]) {
      const verified = await checkChain(db, fixture.dependencies.clients, requestId);
      expect(verified).toMatchObject({ healthy: true });
      expect(verified.hops).toContainEqual(
        expect.objectContaining({ hop: "vpcLink.create", detail: `VPC link ${replacement} is AVAILABLE` }),
      );
    }
  });

  it("moves an exposure whose link still works to the hub's new link (V2 → V2) with no failed request throughout", async () => {
    const { db } = fixture.database;
    const exposure = await activeV2Exposure();
    const hubId = await fixture.hubId("v2");
    const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId } });
    const engineer = clientsFor(fixture.sim, demoRoles.platform.accountId);
    const { VpcLinkId } = await engineer.apigatewayv2.send(
      new CreateVpcLinkCommand({
        Name: "replacement",
        SubnetIds: hub.subnetIds,
        SecurityGroupIds: hub.securityGroupIds,
      }),
    );
    // The hub now records another link (replaced by a platform engineer); the exposure still uses the old one.
    await db.platformHub.update({ where: { id: hubId }, data: { sharedVpcLinkId: VpcLinkId } });
    const traffic = continuousTraffic(fixture.sim, exposure.target);
    const statuses = await repairAll(hubId);
    const tally = await traffic.stop();
    console.log(`repair V2 → V2: ${tally.sent} requests through the data plane, ${tally.failed} failed`);
    expect(statuses.length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === "succeeded")).toBe(true);
    expect(tally.failures).toEqual([]);
    const verified = await checkChain(db, fixture.dependencies.clients, exposure.requestId);
    expect(verified.hops).toContainEqual(
      expect.objectContaining({
        hop: "restApi.routes",
        state: "healthy",
        detail: expect.stringContaining(VpcLinkId ?? ""),
      }),
    );
  });
});
