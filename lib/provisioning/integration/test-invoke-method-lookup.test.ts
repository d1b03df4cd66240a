import { TestInvokeMethodCommand } from "@aws-sdk/client-api-gateway";
import { describe, expect, it } from "vitest";
import { checkChain } from "../verify/chain-checks";
import { testInvoke, testInvokeVerbs } from "../verify/test-invoke";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";

// Gatehouse builds ANY methods, and AWS does not document whether TestInvokeMethod resolves GET to ANY (GetMethod's
// look-up is exact). The simulator's switch runs chain.verify, the scheduled verify and Test invoke both ways through
// the real SDK: each answers 200 from the backend, with the verb the resource defines.

const fixture = sharedProvisioningFixture();

async function setExactLookups(exact: boolean) {
  const answer = await fetch(`${fixture.sim.url}/_sim/options`, {
    method: "POST",
    body: JSON.stringify({ exactMethodLookups: exact }),
  });
  expect(await answer.json()).toMatchObject({ exactMethodLookups: exact });
}

describe.each([
  ["lenient (GET resolves to ANY)", false],
  ["exact (as GetMethod)", true],
])("TestInvokeMethod look-ups %s", (_name, exact) => {
  it("provisions through chain.verify, verifies healthy and test-invokes / and /{proxy+} through the ANY methods", async () => {
    await setExactLookups(exact);
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
    const verified = await db.provisioningStep.findFirstOrThrow({
      where: { stepId: "chain.verify", run: { requestId } },
    });
    expect(verified.outputs).toMatchObject({ testInvokeStatus: 200 });

    const check = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(check).toMatchObject({ healthy: true, testInvoke: { status: 200, httpMethod: "ANY" } });

    const root = await testInvoke(db, fixture.dependencies.clients, requestId);
    expect(root).toMatchObject({ status: 200, httpMethod: "ANY" });
    expect(root.body).toContain("ledger-service");
    const proxy = await testInvoke(db, fixture.dependencies.clients, requestId, "/accounts/7");
    expect(proxy).toMatchObject({ status: 200, httpMethod: "ANY" });
    expect(JSON.parse(proxy.body)).toMatchObject({ path: "/accounts/7", method: "GET" });

    // What a GET on the ANY-only resource gets from this simulator: the backend's answer, or GetMethod's refusal.
    const { restApiId, rootResourceId } = await outputsOf(requestId);
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const get = platform.apigateway.send(
      new TestInvokeMethodCommand({ restApiId, resourceId: rootResourceId, httpMethod: "GET" }),
    );
    if (exact)
      await expect(get).rejects.toMatchObject({
        name: "NotFoundException",
        message: "Invalid Method identifier specified",
      });
    else expect((await get).status).toBe(200);
  });
});

async function outputsOf(requestId: string) {
  const steps = await fixture.database.db.provisioningStep.findMany({
    where: { stepId: { in: ["restApi.create", "restApi.routes"] }, run: { requestId } },
  });
  const outputs = Object.assign({}, ...steps.map((step) => step.outputs)) as Record<string, string>;
  return { restApiId: outputs.restApiId ?? "", rootResourceId: outputs.rootResourceId ?? "" };
}

describe("testInvokeVerbs", () => {
  it("uses the verb the resource defines, and the other only after an exact not-found", () => {
    expect(testInvokeVerbs(["GET", "ANY"])).toEqual(["GET"]);
    expect(testInvokeVerbs(["ANY"])).toEqual(["ANY", "GET"]);
    expect(testInvokeVerbs([])).toEqual(["GET", "ANY"]);
  });
});
