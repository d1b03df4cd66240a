import { expect } from "vitest";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { startTeardown } from "@/lib/provisioning/engine/run-operations";
import { recordedOutputs } from "@/lib/provisioning/hops/registry";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { provisionToEnd, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// What the reliability tests expect of a chain in AWS, counted by tag in the simulator.

/** Exactly one of each resource a chain of this scenario and link mode creates (a v2 hub's link is the hub's, untagged). */
export function oneOfEach(scenario: Scenario, linkMode: LinkMode): Record<string, number> {
  return {
    ...(scenario === "cross_account_nlb" ? { "ec2.endpointService": 1, "ec2.vpcEndpoint": 1 } : {}),
    "elbv2.targetGroup": 1,
    "elbv2.loadBalancer": 1,
    "elbv2.listener": 1,
    ...(linkMode === "v1" ? { "apigateway.vpcLink": 1 } : {}),
    "apigateway.restApi": 1,
  };
}

/**
 * Provisions a new approved request of this scenario and link mode to the end and expects it active (a failure names
 * the steps that did not succeed); returns the request and what its run recorded.
 */
export async function provisionToActive(
  fixture: ProvisioningFixture,
  input: { scenario: Scenario; linkMode: LinkMode },
) {
  const { db } = fixture.database;
  const requestId = await fixture.approvedRequest(input);
  const result = await provisionToEnd(fixture, requestId);
  const steps = await db.provisioningStep.findMany({ where: { runId: result.runId } });
  expect(result.status, JSON.stringify(steps.filter((step) => step.status !== "succeeded"))).toBe("succeeded");
  expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("active");
  return { requestId, runId: result.runId, outputs: recordedOutputs(steps) };
}

/** Rolls a failed request back as an admin, to the end: the run's outcome, what is left tagged, the request's status. */
export function rollBack(fixture: ProvisioningFixture, requestId: string) {
  return tearDownToEnd(fixture, requestId, "rollback");
}

/** Decommissions an active request as an admin, to the end, with the same account of what is left. */
export function decommission(fixture: ProvisioningFixture, requestId: string) {
  return tearDownToEnd(fixture, requestId, "decommission");
}

async function tearDownToEnd(fixture: ProvisioningFixture, requestId: string, kind: "rollback" | "decommission") {
  const { db } = fixture.database;
  const runId = await startTeardown(db, requestId, kind, { label: "ada.admin@gatehouse.demo" });
  const { status } = await advanceToEnd(fixture.dependencies, runId);
  const request = await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
  return {
    status,
    tagged: taggedResources(fixture.sim, "gatehouse:request-id", requestId),
    requestStatus: request.status,
  };
}
