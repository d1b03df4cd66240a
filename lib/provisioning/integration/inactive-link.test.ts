import { GetVpcLinkCommand } from "@aws-sdk/client-apigatewayv2";
import { afterEach, describe, expect, it } from "vitest";
import { checkChain } from "../verify/chain-checks";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { NetworkInterface } from "@/simulator/model/network";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// A VPC link V2 without traffic for 60 days goes INACTIVE and AWS deletes its ENIs; the first requests afterwards fail
// while AWS reprovisions them, then the link is AVAILABLE again (aws-chain-facts §4, §8). The simulator's 60 days are
// shortened here to 150 ms and the reactivation to 400 ms.

const fixture = sharedProvisioningFixture();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  const latency = fixture.sim.runtime.profile.latencyMs;
  latency.vpcLinkV2Idle = 60 * 86_400_000;
  latency.vpcLinkV2Available = 0;
});

describe("a hub's V2 link without traffic", () => {
  it("goes INACTIVE without its ENIs, verify names it with the fix, and the first requests fail until AWS has reactivated it", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v2" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
    const hub = await db.platformHub.findFirstOrThrow();
    const linkId = hub.sharedVpcLinkId ?? "";
    const restApiId =
      taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
        (resource) => resource.kind === "apigateway.restApi",
      )?.id ?? "";
    const target = { host: aliasHost(restApiId, hub.executeApiEndpointId), path: "/prod/entries" };
    expect((await invokePrivateApi(fixture.sim, target)).status).toBe(200);

    const latency = fixture.sim.runtime.profile.latencyMs;
    latency.vpcLinkV2Idle = 150;
    latency.vpcLinkV2Available = 400;
    await sleep(200);
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const link = await platform.apigatewayv2.send(new GetVpcLinkCommand({ VpcLinkId: linkId }));
    expect(link.VpcLinkStatus).toBe("INACTIVE");
    const enis = Object.values(
      fixture.sim.runtime.world.data.collections["ec2.networkInterface"] as Record<string, NetworkInterface>,
    ).filter((eni) => eni.attachedTo === linkId);
    expect(enis).toEqual([]);

    // Verify reports the link with the fix; its own test invoke is the first request, which fails and wakes it up.
    const verified = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(verified).toMatchObject({ healthy: false, brokenHop: "vpcLink.create" });
    expect(verified.reason).toMatch(/^VPC link \w+ is INACTIVE\. No traffic for 60 days, .*Test invoke/);
    expect(verified.hops.find((hop) => hop.hop === "vpcLink.create")).toMatchObject({
      state: "degraded",
      detail: expect.stringMatching(/^VPC link \w+ is INACTIVE$/),
      fixKey: "failures.fix.inactiveLink",
    });
    expect(verified.testInvoke?.status).toBe(500);
    const whileReprovisioning = await invokePrivateApi(fixture.sim, target);
    expect(whileReprovisioning.status).toBe(500);
    expect((await platform.apigatewayv2.send(new GetVpcLinkCommand({ VpcLinkId: linkId }))).VpcLinkStatus).toBe(
      "PENDING",
    );

    await sleep(450);
    latency.vpcLinkV2Idle = 60 * 86_400_000;
    expect((await invokePrivateApi(fixture.sim, target)).status).toBe(200);
    expect(await checkChain(db, fixture.dependencies.clients, requestId)).toMatchObject({ healthy: true });
  });
});
