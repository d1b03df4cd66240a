import {
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { advanceRun } from "../engine/advance-run";
import { startProvisioningRun } from "../engine/start-provisioning-run";
import { retryFailedRun } from "../engine/run-operations";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { oneOfEach, rollBack } from "@/lib/testing/chain-outcomes";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { clientsFor } from "@/simulator/testing/sim-fixture";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// A REST (V1) VPC link ends FAILED when its NLB already backs an endpoint service: API Gateway puts its own endpoint
// service on the NLB, and an NLB backs only one. Here a platform engineer shares Gatehouse's new NLB over PrivateLink
// by hand while the run waits for it to become active. The run stops at the VPC link with AWS's status message and
// the fix; once the engineer's endpoint service is gone, retry replaces the FAILED link and completes with one of each
// resource; a rollback leaves nothing tagged.

const fixture = sharedProvisioningFixture();
const admin = { label: "ada.admin@gatehouse.demo" };

/** Provisions until the link fails, with the engineer's endpoint service put on the NLB while it is provisioning. */
async function runWithNlbSharedByHand(requestId: string) {
  const { db } = fixture.database;
  const latency = fixture.sim.runtime.profile.latencyMs;
  latency.loadBalancerActive = 2_000;
  let runId: string;
  try {
    runId = await startProvisioningRun(db, requestId);
    // Everything that can go ahead has; the NLB is still provisioning.
    expect((await advanceRun(fixture.dependencies, runId)).status).toBe("waiting");
  } finally {
    latency.loadBalancerActive = 0;
  }
  const created = await db.provisioningStep.findFirstOrThrow({
    where: { runId, stepId: "loadBalancer.create", status: "succeeded" },
  });
  const loadBalancerArn = String((created.outputs as Record<string, unknown>).loadBalancerArn);
  const engineer = clientsFor(fixture.sim, demoRoles.platform.accountId);
  const { ServiceConfiguration } = await engineer.ec2.send(
    new CreateVpcEndpointServiceConfigurationCommand({
      NetworkLoadBalancerArns: [loadBalancerArn],
      AcceptanceRequired: true,
    }),
  );
  const result = await advanceToEnd(fixture.dependencies, runId);
  return {
    runId,
    result,
    /** The fix: the engineer removes the endpoint service from Gatehouse's NLB. */
    unshare: () =>
      engineer.ec2.send(
        new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [ServiceConfiguration?.ServiceId ?? ""] }),
      ),
  };
}

describe("a V1 VPC link that ends FAILED", () => {
  it("stops at the VPC link hop with AWS's status message and the fix; after the fix, retry replaces the link and completes with one of each", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const { runId, result, unshare } = await runWithNlbSharedByHand(requestId);
    expect(result.status).toBe("failed");
    const failed = await db.provisioningStep.findFirstOrThrow({ where: { runId, status: "failed" } });
    expect(failed.error).toMatchObject({
      hop: "vpcLink.awaitAvailable",
      awsError: "VpcLinkFailed",
      message: expect.stringContaining("NLB is already associated with another VPC Endpoint Service"),
      fix: expect.stringMatching(/backs no other endpoint service.*retry/),
    });
    const failedLink = String(
      (
        (await db.provisioningStep.findFirstOrThrow({ where: { runId, stepId: "vpcLink.create" } })).outputs as Record<
          string,
          unknown
        >
      ).vpcLinkId,
    );

    await unshare();
    await retryFailedRun(db, requestId, admin);
    expect((await advanceToEnd(fixture.dependencies, runId)).status).toBe("succeeded");
    const resources = taggedResources(fixture.sim, "gatehouse:request-id", requestId);
    expect(countByKind(resources)).toEqual(oneOfEach("remote_network", "v1"));
    expect(resources.find((resource) => resource.kind === "apigateway.vpcLink")?.id).not.toBe(failedLink);
    const restApiId = resources.find((resource) => resource.kind === "apigateway.restApi")?.id ?? "";
    const hub = await db.platformHub.findFirstOrThrow();
    const answer = await invokePrivateApi(fixture.sim, {
      path: "/prod/entries",
      host: aliasHost(restApiId, hub.executeApiEndpointId),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "ledger-service" });
  });

  it("stops a rollback that waits too long for the NLB the engineer still holds, naming the hop; once it is free, rolling back again leaves nothing", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const { result, unshare } = await runWithNlbSharedByHand(requestId);
    expect(result.status).toBe("failed");
    fixture.dependencies.maxWaitMs = 1_500;
    try {
      const stuck = await rollBack(fixture, requestId);
      expect(stuck).toMatchObject({ status: "failed", requestStatus: "failed" });
      const run = await db.provisioningRun.findFirstOrThrow({
        where: { requestId, kind: "rollback" },
        orderBy: { createdAt: "desc" },
      });
      expect(run.error).toMatchObject({
        hop: "loadBalancer.delete",
        message: expect.stringMatching(/^Still waiting after 2 s: .*/),
        fix: expect.stringMatching(/endpoint service on the NLB.*retry/),
      });
    } finally {
      fixture.dependencies.maxWaitMs = undefined;
    }
    await unshare();
    expect(await rollBack(fixture, requestId)).toEqual({ status: "succeeded", tagged: [], requestStatus: "approved" });
  });

  it("rolls back, once the NLB is free again, to nothing tagged", async () => {
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const { result, unshare } = await runWithNlbSharedByHand(requestId);
    expect(result.status).toBe("failed");
    await unshare();
    expect(await rollBack(fixture, requestId)).toEqual({ status: "succeeded", tagged: [], requestStatus: "approved" });
  });
});
