import { GetIntegrationCommand } from "@aws-sdk/client-api-gateway";
import { DeleteListenerCommand, DescribeListenersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { putChainIntegration } from "../hops/chain-integration";
import { checkChain } from "../verify/chain-checks";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";

// Verify re-reads a live chain in AWS: healthy after provisioning; after someone deletes a hop outside Gatehouse, the
// check names that hop and AWS's answer, and the change of health is audited once.

const fixture = sharedProvisioningFixture();

describe("verifying an active chain", () => {
  it("is healthy with the backend's answer, then shows the listener deleted outside Gatehouse as missing and the deepest broken hop", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");

    const healthy = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(healthy).toMatchObject({ healthy: true, testInvoke: { status: 200 } });
    expect(healthy.testInvoke?.body).toContain("ledger-service");

    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const nlb = await db.provisionedResource.findFirstOrThrow({ where: { requestId, kind: "load-balancer" } });
    const { Listeners } = await platform.elb.send(new DescribeListenersCommand({ LoadBalancerArn: nlb.identifier }));
    await platform.elb.send(new DeleteListenerCommand({ ListenerArn: Listeners?.[0]?.ListenerArn }));

    const broken = await checkChain(db, fixture.dependencies.clients, requestId);
    // The deepest broken hop is recorded (the targets no longer receive traffic); the listener itself shows missing.
    expect(broken).toMatchObject({
      healthy: false,
      brokenHop: "targets.register",
      reason: expect.stringContaining("not configured to receive traffic"),
    });
    expect(broken.hops).toContainEqual({
      hop: "listener.create",
      state: "missing",
      detail: "no listener on port 8080",
    });
    await checkChain(db, fixture.dependencies.clients, requestId);
    expect(await db.chainCheck.count({ where: { requestId } })).toBe(3);
    const audited = await db.auditEvent.findMany({
      where: { targetId: requestId, action: "chain.verified" },
      orderBy: { at: "asc" },
    });
    expect(audited.map((event) => (event.details as { healthy: boolean }).healthy)).toEqual([true, false]);
  });

  it("reads both integrations back and reports the routes hop drifted when one no longer calls the platform NLB", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v2" });
    const { runId, status } = await provisionToEnd(fixture, requestId);
    expect(status).toBe("succeeded");
    const healthy = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(healthy.hops).toContainEqual({
      hop: "restApi.routes",
      state: "healthy",
      detail: expect.stringMatching(/^ANY \/ and ANY \/\{proxy\+\} go through VPC link /),
    });

    const steps = await db.provisioningStep.findMany({ where: { runId } });
    const outputs = Object.fromEntries(steps.map((step) => [step.stepId, step.outputs as Record<string, string>]));
    const restApiId = outputs["restApi.create"]?.restApiId ?? "";
    const resourceId = outputs["restApi.routes"]?.proxyResourceId ?? "";
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const live = await platform.apigateway.send(
      new GetIntegrationCommand({ restApiId, resourceId, httpMethod: "ANY" }),
    );
    // Someone points the greedy route at another host by hand; the stage still serves the old deployment.
    await putChainIntegration(platform.apigateway, {
      restApiId,
      resourceId,
      greedy: true,
      wiring: {
        vpcLinkId: live.connectionId ?? "",
        integrationTarget: live.integrationTarget,
        uri: "http://elsewhere.internal:8080/{proxy}",
      },
    });
    const drifted = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(drifted).toMatchObject({
      healthy: false,
      brokenHop: "restApi.routes",
      reason: `ANY /{proxy+} calls http://elsewhere.internal:8080/{proxy}, not ${live.uri ?? ""}`,
    });
  });
});
