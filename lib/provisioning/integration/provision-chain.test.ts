import { describe, expect, it } from "vitest";
import { startTeardown } from "../engine/run-operations";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { provisionToActive } from "@/lib/testing/chain-outcomes";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// The whole chain, built by the engine through the production client factory against the simulator, for both
// scenarios and both link modes; then called through the simulator's data plane as a client in the consumer VPC.

const fixture = sharedProvisioningFixture();

// What each chain leaves tagged in AWS: PrivateLink only for cross-account NLBs, a VPC link of its own only in v1.
const privateLink = { "ec2.endpointService": 1, "ec2.vpcEndpoint": 1 };
const platformNlb = { "elbv2.targetGroup": 1, "elbv2.loadBalancer": 1, "elbv2.listener": 1 };
const restApi = { "apigateway.restApi": 1 };
const ownVpcLink = { "apigateway.vpcLink": 1 };

const cases: { scenario: Scenario; linkMode: LinkMode; backend: string; expected: Record<string, number> }[] = [
  {
    scenario: "cross_account_nlb",
    linkMode: "v1",
    backend: "checkout-api",
    expected: { ...privateLink, ...platformNlb, ...ownVpcLink, ...restApi },
  },
  {
    scenario: "remote_network",
    linkMode: "v1",
    backend: "ledger-service",
    expected: { ...platformNlb, ...ownVpcLink, ...restApi },
  },
  {
    scenario: "cross_account_nlb",
    linkMode: "v2",
    backend: "checkout-api",
    expected: { ...privateLink, ...platformNlb, ...restApi },
  },
  { scenario: "remote_network", linkMode: "v2", backend: "ledger-service", expected: { ...platformNlb, ...restApi } },
];

describe.each(cases)("$scenario with link mode $linkMode", ({ scenario, linkMode, backend, expected }) => {
  it("reaches active, answers through the private API with the backend's response, and decommissions to nothing", async () => {
    const { db } = fixture.database;
    const { requestId, outputs } = await provisionToActive(fixture, { scenario, linkMode });

    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(expected);

    const restApiId = outputs["restApi.create"]?.restApiId ?? "";
    const hub = await db.platformHub.findFirstOrThrow();
    expect(outputs["restApi.deploy"]?.invokeUrl).toBe(
      `https://${restApiId}-${hub.executeApiEndpointId}.execute-api.eu-west-1.amazonaws.com/prod`,
    );
    const answer = await invokePrivateApi(fixture.sim, {
      path: "/prod/orders/42",
      host: aliasHost(restApiId, hub.executeApiEndpointId),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: backend, path: "/orders/42" });

    const teardownRun = await startTeardown(db, requestId, "decommission", { label: "test" });
    expect((await advanceToEnd(fixture.dependencies, teardownRun)).status).toBe("succeeded");
    expect(await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "decommissioned",
    });
    expect(taggedResources(fixture.sim, "gatehouse:request-id", requestId)).toEqual([]);
    expect(await db.provisionedResource.count({ where: { requestId, deletedAt: null } })).toBe(0);
  });
});
