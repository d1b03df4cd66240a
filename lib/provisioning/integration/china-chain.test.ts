import { describe, expect, it } from "vitest";
import { decommission, oneOfEach, provisionToActive } from "@/lib/testing/chain-outcomes";
import { chinaFixtureLandscape } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// The chain in AWS China: the simulator's China landscape (aws-cn, cn-north-1), the real engine through the production
// client factory, both scenarios in both link modes — provisioned to active, called through the data plane at the name
// AWS China gives it, decommissioned to nothing tagged.

const fixture = sharedProvisioningFixture(undefined, chinaFixtureLandscape);

const cases: { scenario: Scenario; linkMode: LinkMode; backend: string }[] = [
  { scenario: "cross_account_nlb", linkMode: "v1", backend: "checkout-api" },
  { scenario: "remote_network", linkMode: "v1", backend: "ledger-service" },
  { scenario: "cross_account_nlb", linkMode: "v2", backend: "checkout-api" },
  { scenario: "remote_network", linkMode: "v2", backend: "ledger-service" },
];

describe.each(cases)("in cn-north-1, $scenario with link mode $linkMode", ({ scenario, linkMode, backend }) => {
  it("reaches active, answers under amazonaws.com.cn with the backend's response, and decommissions to nothing", async () => {
    const { db } = fixture.database;
    const { requestId, outputs } = await provisionToActive(fixture, { scenario, linkMode });
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(
      oneOfEach(scenario, linkMode),
    );

    const restApiId = outputs["restApi.create"]?.restApiId ?? "";
    const { executeApiEndpointId } = await db.platformHub.findFirstOrThrow();
    const host = aliasHost(restApiId, executeApiEndpointId, "cn-north-1");
    expect(host).toMatch(/\.execute-api\.cn-north-1\.amazonaws\.com\.cn$/);
    expect(outputs["restApi.deploy"]?.invokeUrl).toBe(`https://${host}/prod`);
    expect(outputs["loadBalancer.create"]?.loadBalancerArn).toMatch(/^arn:aws-cn:elasticloadbalancing:cn-north-1:/);

    const answer = await invokePrivateApi(fixture.sim, { path: "/prod/orders/42", host });
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: backend, path: "/orders/42" });

    expect(await decommission(fixture, requestId)).toEqual({
      status: "succeeded",
      tagged: [],
      requestStatus: "decommissioned",
    });
    expect(await db.provisionedResource.count({ where: { requestId, deletedAt: null } })).toBe(0);
  });
});
