import { describe, expect, it } from "vitest";
import { retryFailedRun } from "../engine/run-operations";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { oneOfEach, rollBack } from "@/lib/testing/chain-outcomes";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// A platform role missing one action: the run stops at the hop that needs it, naming the AWS error and the fix;
// once the role is fixed, retry from the failed step completes without a duplicate; rollback leaves nothing behind.

const fixture = sharedProvisioningFixture();
const admin = { label: "ada.admin@gatehouse.demo" };

const revoke = (action: string) => revokeFromPlatformRole(fixture.sim, action);

describe("a permanent error", () => {
  it("stops at the hop with AWS's error and the fix; after the fix, retry finishes with one of each resource", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const restore = revoke("apigateway:POST");
    const result = await provisionToEnd(fixture, requestId);
    restore();
    expect(result.status).toBe("failed");
    const failed = await db.provisioningStep.findFirstOrThrow({ where: { runId: result.runId, status: "failed" } });
    expect(failed.error).toMatchObject({
      hop: expect.stringMatching(/^(vpcLink|restApi)\.create$/),
      awsError: "AccessDeniedException",
      fix: expect.stringMatching(/Grant the missing action/),
      fixKey: "failures.fix.accessDenied",
    });
    expect(await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "failed",
    });

    await retryFailedRun(db, requestId, admin);
    expect((await advanceToEnd(fixture.dependencies, result.runId)).status).toBe("succeeded");
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(
      oneOfEach("remote_network", "v1"),
    );
  });

  it("rolls back a failed run to nothing tagged, and the request can be provisioned again", async () => {
    const requestId = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v1" });
    const restore = revoke("apigateway:POST");
    const result = await provisionToEnd(fixture, requestId);
    restore();
    expect(result.status).toBe("failed");
    expect(taggedResources(fixture.sim, "gatehouse:request-id", requestId).length).toBeGreaterThan(0);

    expect(await rollBack(fixture, requestId)).toEqual({ status: "succeeded", tagged: [], requestStatus: "approved" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  });
});
