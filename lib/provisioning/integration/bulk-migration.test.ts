import { describe, expect, it } from "vitest";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { migrateHubExposures } from "@/lib/hubs/migrate-hub-exposures";
import { getRequestDetails } from "@/lib/requests/request-details";
import { requestMigration } from "@/lib/requests/request-migration";
import { continuousTraffic } from "@/lib/testing/continuous-traffic";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { findActiveUser } from "@/lib/users/sign-in";
import { aliasHost } from "@/simulator/testing/invoke-private-api";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// The hub's bulk action: one admin asks for the migration of every active V1 exposure of the hub, a second approves
// them as one decision (four-eyes per request), and the engine migrates them all, CreateDeployment paced, while each
// exposure keeps being called through the data plane.

const fixture = sharedProvisioningFixture(async (started) => {
  started.dependencies.timeScale = 10;
});

async function user(email: string) {
  const { db } = fixture.database;
  const row = await db.user.findUniqueOrThrow({ where: { email } });
  const current = await findActiveUser(db, row.id);
  if (!current) throw new Error(`${email} is not active`);
  return current;
}

describe("migrating a hub's V1 exposures in bulk", () => {
  it("asks once, is approved as one decision by another admin, and migrates every exposure with no failed request", async () => {
    const { db } = fixture.database;
    const ada = await user("ada.admin@gatehouse.demo");
    const grace = await user("grace.admin@gatehouse.demo");
    const paul = await user("paul.payments@gatehouse.demo");
    const lena = await user("lena.logistics@gatehouse.demo");
    const hubId = await fixture.hubId("v1");
    const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId } });
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1", port: 8080 });
      expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
      ids.push(requestId);
    }
    expect((await getRequestDetails(db, paul, ids[0] ?? "")).can.migrate).toBe(true);
    await expect(requestMigration(db, lena, ids[0] ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      migrateHubExposures({ db, queueRunAdvance: async () => undefined }, paul, { hubId, action: "request" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const queued: string[] = [];
    const dependencies = { db, queueRunAdvance: async (runId: string) => void queued.push(runId) };
    expect(await migrateHubExposures(dependencies, ada, { hubId, action: "request" })).toEqual({
      migrated: ids,
      refused: [],
    });
    // Four-eyes: the admin who asked cannot approve; nothing starts.
    const own = await migrateHubExposures(dependencies, ada, { hubId, action: "approve" });
    expect(own.migrated).toEqual([]);
    expect(own.refused.map((refusal) => refusal.reason)).toEqual(
      ids.map(() => "You asked for this migration, so another platform admin must decide it (four-eyes)."),
    );
    expect(queued).toEqual([]);

    const targets = ids.map((requestId) => {
      const restApiId =
        taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
          (resource) => resource.kind === "apigateway.restApi",
        )?.id ?? "";
      return continuousTraffic(fixture.sim, { host: aliasHost(restApiId, hub.executeApiEndpointId), path: "/prod/x" });
    });
    const started = Date.now();
    expect((await migrateHubExposures(dependencies, grace, { hubId, action: "approve" })).migrated).toEqual(ids);
    const results = await Promise.all(queued.map((runId) => advanceToEnd(fixture.dependencies, runId)));
    const seconds = (Date.now() - started) / 1000;
    const tallies = await Promise.all(targets.map((traffic) => traffic.stop()));
    const sent = tallies.reduce((sum, tally) => sum + tally.sent, 0);
    const failures = tallies.flatMap((tally) => tally.failures);
    console.log(
      `bulk migration of ${ids.length} exposures: ${seconds.toFixed(1)} s at 10× engine time, ${sent} requests, ${failures.length} failed`,
    );
    expect(results.map((result) => result.status)).toEqual(ids.map(() => "succeeded"));
    expect(failures).toEqual([]);
    expect(await db.approval.count({ where: { kind: "migration", requestId: { in: ids } } })).toBe(ids.length);
    for (const requestId of ids) {
      expect(
        taggedResources(fixture.sim, "gatehouse:request-id", requestId).map((resource) => resource.kind),
      ).not.toContain("apigateway.vpcLink");
      expect((await getRequestDetails(db, paul, requestId)).chainLinkVersion).toBe("v2");
    }
    expect(await migrateHubExposures(dependencies, ada, { hubId, action: "request" })).toEqual({
      migrated: [],
      refused: [],
    });
  });
});
