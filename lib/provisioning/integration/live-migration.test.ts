import { CreateDeploymentCommand, DeleteVpcLinkCommand, GetIntegrationCommand } from "@aws-sdk/client-api-gateway";
import { CreateVpcLinkCommand } from "@aws-sdk/client-apigatewayv2";
import { describe, expect, it } from "vitest";
import { startRelinkRun } from "../engine/start-relink-run";
import { putChainIntegration } from "../hops/chain-integration";
import { chainWiring } from "../verify/integration-drift";
import { checkChain } from "../verify/chain-checks";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { continuousTraffic } from "@/lib/testing/continuous-traffic";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { clientsFor } from "@/simulator/testing/sim-fixture";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// Live migration of an active exposure from its V1 link to the hub's V2 link, while a caller in the consumer VPC keeps
// calling it through the simulator's data plane: not one request may fail. The simulator serves a stage's deployment
// (a snapshot), so the repointed integrations take effect at the deployment, and the V1 link goes only afterwards.

const fixture = sharedProvisioningFixture(async (started) => {
  // CreateDeployment is paced at one per 5.5 s per account; the engine's clock runs ten times faster here.
  started.dependencies.timeScale = 10;
});
const admin = { label: "grace.admin@gatehouse.demo" };

async function activeV1Exposure() {
  const { db } = fixture.database;
  const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
  expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  const restApiId = taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
    (resource) => resource.kind === "apigateway.restApi",
  )?.id;
  const hub = await db.platformHub.findFirstOrThrow();
  const v1Link = taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
    (resource) => resource.kind === "apigateway.vpcLink",
  )?.id;
  await db.exposureRequest.update({ where: { id: requestId }, data: { status: "migration_pending" } });
  return {
    requestId,
    restApiId: restApiId ?? "",
    v1Link: v1Link ?? "",
    target: { host: aliasHost(restApiId ?? "", hub.executeApiEndpointId), path: "/prod/entries" },
  };
}

/** The request is active again and verify finds its chain healthy through `vpcLinkId`. */
async function expectActiveThrough(requestId: string, vpcLinkId: string) {
  const { db } = fixture.database;
  expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("active");
  const verified = await checkChain(db, fixture.dependencies.clients, requestId);
  expect(verified).toMatchObject({ healthy: true });
  expect(verified.hops).toContainEqual(
    expect.objectContaining({ hop: "vpcLink.create", detail: `VPC link ${vpcLinkId} is AVAILABLE` }),
  );
}

describe("live migration V1 → V2", () => {
  it("moves both integrations to the hub's V2 link and deletes the V1 link, with no failed request throughout", async () => {
    const { db } = fixture.database;
    const exposure = await activeV1Exposure();
    const traffic = continuousTraffic(fixture.sim, exposure.target);
    const runId = await startRelinkRun(db, exposure.requestId, "migrate", admin);
    const result = await advanceToEnd(fixture.dependencies, runId);
    const tally = await traffic.stop();
    console.log(`live migration V1 → V2: ${tally.sent} requests through the data plane, ${tally.failed} failed`);
    expect(result.status).toBe("succeeded");
    expect(tally.failures).toEqual([]);
    expect(tally.sent).toBeGreaterThan(10);

    const hub = await db.platformHub.findFirstOrThrow();
    expect(hub.sharedVpcLinkId).toBeTruthy();
    const routes = await db.provisioningStep.findFirstOrThrow({
      where: { stepId: "restApi.routes", run: { requestId: exposure.requestId, kind: "provision" } },
    });
    const { rootResourceId, proxyResourceId } = routes.outputs as Record<string, string>;
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    for (const resourceId of [rootResourceId, proxyResourceId]) {
      const integration = await platform.apigateway.send(
        new GetIntegrationCommand({ restApiId: exposure.restApiId, resourceId, httpMethod: "ANY" }),
      );
      expect(integration).toMatchObject({ connectionType: "VPC_LINK", connectionId: hub.sharedVpcLinkId });
      expect(integration.integrationTarget).toMatch(/^arn:aws:elasticloadbalancing:.*loadbalancer\/net\//);
    }
    // The V1 link is gone; the exposure is active and verify finds it healthy on the V2 link.
    expect(
      taggedResources(fixture.sim, "gatehouse:request-id", exposure.requestId).map((resource) => resource.kind),
    ).not.toContain("apigateway.vpcLink");
    await expectActiveThrough(exposure.requestId, hub.sharedVpcLinkId ?? "");
  });

  it("rolls a failed migration back to the V1 path (repointed and redeployed), with no failed request throughout", async () => {
    const { db } = fixture.database;
    const exposure = await activeV1Exposure();
    const traffic = continuousTraffic(fixture.sim, exposure.target);
    // The role may not delete: the migration fails at its last step, after the V2 path was deployed and answered.
    const restore = revokeFromPlatformRole(fixture.sim, "apigateway:DELETE");
    let rollback: string | undefined;
    try {
      const runId = await startRelinkRun(db, exposure.requestId, "migrate", admin);
      const result = await advanceToEnd(fixture.dependencies, runId);
      expect(result.status).toBe("failed");
      rollback = result.followUpRunId;
    } finally {
      restore();
    }
    expect(rollback).toBeDefined();
    const rolledBack = await advanceToEnd(fixture.dependencies, rollback ?? "");
    const tally = await traffic.stop();
    console.log(`rolled-back migration: ${tally.sent} requests through the data plane, ${tally.failed} failed`);
    expect(rolledBack.status).toBe("succeeded");
    expect(tally.failures).toEqual([]);

    const failed = await db.provisioningRun.findFirstOrThrow({
      where: { requestId: exposure.requestId, kind: "migrate" },
    });
    expect(failed.error).toMatchObject({ hop: "vpcLink.retire", awsError: expect.stringMatching(/AccessDenied/) });
    expect(await db.approval.count({ where: { requestId: exposure.requestId, kind: "migration" } })).toBe(0);
    await expectActiveThrough(exposure.requestId, exposure.v1Link);
  });

  it("is modelled so that a wrong order would show: the stage serves its deployment until the next one, and deleting the V1 link first breaks it", async () => {
    const { db } = fixture.database;
    const exposure = await activeV1Exposure();
    const hub = await db.platformHub.findFirstOrThrow();
    const engineer = clientsFor(fixture.sim, demoRoles.platform.accountId);
    const { VpcLinkId } = await engineer.apigatewayv2.send(
      new CreateVpcLinkCommand({ Name: "by-hand", SubnetIds: hub.subnetIds, SecurityGroupIds: hub.securityGroupIds }),
    );
    const steps = await db.provisioningStep.findMany({
      where: { run: { requestId: exposure.requestId, kind: "provision" } },
    });
    const outputs = Object.fromEntries(steps.map((step) => [step.stepId, step.outputs as Record<string, string>]));
    const { rootResourceId = "", proxyResourceId = "" } = outputs["restApi.routes"] ?? {};
    const { loadBalancerArn, dnsName } = outputs["loadBalancer.create"] ?? {};
    const wiring = chainWiring({
      host: dnsName ?? "",
      port: 8080,
      vpcLinkId: VpcLinkId ?? "",
      integrationTarget: loadBalancerArn,
    });
    for (const [resourceId, greedy] of [
      [rootResourceId, false],
      [proxyResourceId, true],
    ] as const) {
      await putChainIntegration(engineer.apigateway, {
        restApiId: exposure.restApiId,
        resourceId,
        greedy,
        wiring: wiring[greedy ? "/{proxy+}" : "/"],
      });
    }
    // Repointed but not deployed: callers still go through the V1 link.
    expect((await invokePrivateApi(fixture.sim, exposure.target)).status).toBe(200);
    // No live integration names the V1 link any more, so AWS deletes it, but the deployed snapshot still uses it.
    await engineer.apigateway.send(new DeleteVpcLinkCommand({ vpcLinkId: exposure.v1Link }));
    const broken = await invokePrivateApi(fixture.sim, exposure.target);
    expect(broken.status).toBe(500);
    await engineer.apigateway.send(new CreateDeploymentCommand({ restApiId: exposure.restApiId, stageName: "prod" }));
    expect((await invokePrivateApi(fixture.sim, exposure.target)).status).toBe(200);
  });
});
