import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { startProvisioningRun } from "@/lib/provisioning/engine/start-provisioning-run";
import { startRelinkRun } from "@/lib/provisioning/engine/start-relink-run";
import { continuousTraffic } from "@/lib/testing/continuous-traffic";
import type { ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost } from "@/simulator/testing/invoke-private-api";
import { setQuota } from "@/simulator/testing/set-quota";
import { deploymentIntervalMs, profile } from "./provision-bounds";

// The migration part of `npm run bench:provision`: BENCH_MIGRATIONS V1 exposures of one hub migrated to its V2 link at
// once, under continuous traffic, against the CreateDeployment bound.

/** Bulk migration V1 → V2 of one hub's exposures, with one caller cycling through them all the whole time. */
export async function benchBulkMigration(
  fixture: ProvisioningFixture,
  { migrations, timeScale }: { migrations: number; timeScale: number },
) {
  const { db } = fixture.database;
  // One V1 link and one NLB per exposure: the platform team has raised both adjustable quotas (20 and 50 by default).
  for (const quota of ["L-A4C7274F", "L-69A177A2"])
    await setQuota(fixture.sim, {
      accountId: demoRoles.platform.accountId,
      region: "eu-west-1",
      quota,
      value: migrations + 10,
    });
  const requestIds: string[] = [];
  for (let index = 0; index < migrations; index += 1)
    requestIds.push(await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" }));
  const provisioned = await Promise.all(
    requestIds.map(async (id) =>
      advanceToEnd(fixture.dependencies, await startProvisioningRun(db, id), { maxMs: 30 * 60_000 }),
    ),
  );
  const active = provisioned.filter((result) => result.status === "succeeded").length;
  const hub = await db.platformHub.findFirstOrThrow();
  const apis = await db.provisioningStep.findMany({
    where: { stepId: "restApi.create", run: { requestId: { in: requestIds }, kind: "provision" } },
  });
  const traffic = continuousTraffic(
    fixture.sim,
    apis.map((step) => ({
      host: aliasHost(String((step.outputs as { restApiId?: string }).restApiId), hub.executeApiEndpointId),
      path: "/prod/bench",
    })),
    1_000_000,
  );
  const deploymentInterval = deploymentIntervalMs(timeScale);
  // The hub's V2 link first, then one deployment per exposure, no faster than CreateDeployment allows, then the last
  // exposure's V1 link deletion.
  const latency = profile.latencyMs;
  const bound = (latency.vpcLinkV2Available + latency.vpcLinkDeleted) / timeScale + migrations * deploymentInterval;
  const started = Date.now();
  await db.exposureRequest.updateMany({ where: { id: { in: requestIds } }, data: { status: "migration_pending" } });
  const runIds = await Promise.all(requestIds.map((id) => startRelinkRun(db, id, "migrate", { label: "bench" })));
  const results = await Promise.all(
    runIds.map((runId) => advanceToEnd(fixture.dependencies, runId, { maxMs: 30 * 60_000 })),
  );
  const wall = Date.now() - started;
  const tally = await traffic.stop();
  console.log(
    `bulk migration of ${active} active V1 exposures of one hub: ${results.filter((result) => result.status === "succeeded").length} migrated, ` +
      `${results.filter((result) => result.status !== "succeeded").length} failed · wall ${(wall / 1000).toFixed(2)} s · ` +
      `CreateDeployment bound ${(bound / 1000).toFixed(2)} s (${(wall / bound).toFixed(2)}×) · ` +
      `${tally.sent} invocations through the data plane, ${tally.failed} failed`,
  );
  for (const failure of tally.failures) console.log(`    failed invocation: ${failure}`);
}
