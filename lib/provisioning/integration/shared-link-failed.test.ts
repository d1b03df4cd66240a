import { describe, expect, it } from "vitest";
import { oneOfEach } from "@/lib/testing/chain-outcomes";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { VpcLinkV2 } from "@/simulator/model/apigateway";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// Link mode v2 shares one VPC link per hub. When AWS puts that link in FAILED (its ENIs could not be placed, say), the
// next exposure's run deletes it and creates the hub's next link, AWS's remedy, instead of failing on it forever.

const fixture = sharedProvisioningFixture(async (started) => {
  // The second link may be created only 15 s after the first (API Gateway's rate, which the engine keeps): the engine's
  // clock runs ten times faster here so the test does not sit out the wait. The simulator does not throttle.
  started.dependencies.timeScale = 10;
});

/** AWS puts the link in FAILED from now on. */
function failLink(vpcLinkId: string) {
  const links = fixture.sim.runtime.world.data.collections["apigatewayv2.vpcLink"] as Record<string, VpcLinkV2>;
  const link = links[vpcLinkId];
  if (!link) throw new Error(`no V2 link ${vpcLinkId} in the simulator`);
  link.lifecycle.push({
    status: "FAILED",
    statusMessage: "Insufficient free IP addresses in subnet",
    at: fixture.sim.runtime.now(),
  });
}

describe("a hub's shared V2 link that AWS put in FAILED", () => {
  it("is replaced by the next exposure's run, which then answers through the new link; the hub records it", async () => {
    const { db } = fixture.database;
    expect(
      (await provisionToEnd(fixture, await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v2" })))
        .status,
    ).toBe("succeeded");
    const hubId = await fixture.hubId("v2");
    const failed = (await db.platformHub.findUniqueOrThrow({ where: { id: hubId } })).sharedVpcLinkId ?? "";
    failLink(failed);

    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v2" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
    const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId } });
    expect(hub.sharedVpcLinkId).not.toBe(failed);
    const hubLinks = taggedResources(fixture.sim, "gatehouse:hub-link", `${demoRoles.platform.accountId}/${hub.vpcId}`);
    expect(hubLinks.map((link) => link.id)).toEqual([hub.sharedVpcLinkId]);

    const resources = taggedResources(fixture.sim, "gatehouse:request-id", requestId);
    expect(countByKind(resources)).toEqual(oneOfEach("remote_network", "v2"));
    const restApiId = resources.find((resource) => resource.kind === "apigateway.restApi")?.id ?? "";
    const answer = await invokePrivateApi(fixture.sim, {
      path: "/prod/entries",
      host: aliasHost(restApiId, hub.executeApiEndpointId),
    });
    expect(answer.status).toBe(200);
  });
});
