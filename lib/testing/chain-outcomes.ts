import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { startTeardown } from "@/lib/provisioning/engine/run-operations";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import type { ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
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

/** Rolls a failed request back as an admin, to the end: the run's outcome, what is left tagged, the request's status. */
export async function rollBack(fixture: ProvisioningFixture, requestId: string) {
  const { db } = fixture.database;
  const runId = await startTeardown(db, requestId, "rollback", { label: "ada.admin@gatehouse.demo" });
  const { status } = await advanceToEnd(fixture.dependencies, runId);
  const request = await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
  return {
    status,
    tagged: taggedResources(fixture.sim, "gatehouse:request-id", requestId),
    requestStatus: request.status,
  };
}
