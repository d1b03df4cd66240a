import type { StepId } from "@/lib/provisioning/hops/registry";
import { criticalPathMs, planChain } from "@/lib/provisioning/plan/plan-chain";
import { startProvisioningRun } from "@/lib/provisioning/engine/start-provisioning-run";
import { exposureOf, hubOf } from "@/lib/provisioning/plan/exposure";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { startRelinkRun } from "@/lib/provisioning/engine/start-relink-run";
import { continuousTraffic } from "@/lib/testing/continuous-traffic";
import { loadProfile } from "@/simulator/core/profiles";
import { aliasHost } from "@/simulator/testing/invoke-private-api";

// `npm run bench:provision`: the engine against the simulator's `realistic` profile (real-AWS minutes), with the
// simulator's and the engine's clocks both running BENCH_TIME_SCALE times faster. Prints, per chain, the wall time
// against the critical-path bound of the plan and the time of the same steps one after another, the AWS calls and the
// polls per step; then BENCH_CHAINS requests approved at once on one hub against the CreateDeployment throttle bound;
// then BENCH_MIGRATIONS V1 exposures of one hub migrated to its V2 link at once, under continuous traffic.

// Single chains run 60× faster than AWS; the 50 chains 10× (BENCH_MANY_TIME_SCALE), because the engine's own CPU and
// database time does not scale with the simulator's clock, and at 60× it would stand for minutes of AWS time.
const singleTimeScale = Number(process.env.BENCH_TIME_SCALE ?? 60);
const manyTimeScale = Number(process.env.BENCH_MANY_TIME_SCALE ?? 10);
let timeScale = singleTimeScale;
const chains = Number(process.env.BENCH_CHAINS ?? 50);
// The migration benchmark's V1 exposures: AWS's default quota of REST VPC links per region is 20 (§7), which the
// simulator enforces, so one hub cannot hold more V1 exposures without a quota increase.
const migrations = Number(process.env.BENCH_MIGRATIONS ?? 20);
// "singles", "many", "migrate" or all (default): one part alone when working on it.
const parts = process.env.BENCH_PARTS ?? "singles,many,migrate";
const profile = loadProfile("realistic");

const awsCalls = { count: 0, throttled: 0 };
// The simulator logs each call as "<service> <operation> → <status> (<ms> ms)"; API Gateway throttles with 429, EC2
// with 503 RequestLimitExceeded.
function countCall(line: string) {
  awsCalls.count += 1;
  if (/→ (429|503) /.test(line)) awsCalls.throttled += 1;
}
let fixture: ProvisioningFixture;

/** How long each step takes in real AWS (the realistic profile): the waits dominate, calls take ~0. */
function stepDurationMs(linkMode: LinkMode) {
  const latency = profile.latencyMs;
  const durations: Partial<Record<StepId, number>> = {
    "endpointService.create": latency.endpointServiceAvailable,
    // Targets turn healthy this long after registration, while the rest of the chain is still being built.
    "targets.register": latency.targetHealthy,
    "interfaceEndpoint.awaitAvailable": latency.endpointAvailableAfterAccept,
    "loadBalancer.awaitActive": latency.loadBalancerActive,
    "vpcLink.awaitAvailable": linkMode === "v1" ? latency.vpcLinkV1Available : latency.vpcLinkV2Available,
  };
  return (id: StepId) => durations[id] ?? 0;
}

async function bounds(requestId: string, linkMode: LinkMode) {
  const request = await fixture.database.db.exposureRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { hub: { include: { account: true } } },
  });
  const plan = planChain(exposureOf(request), hubOf(request.hub));
  const duration = stepDurationMs(linkMode);
  return {
    criticalPath: criticalPathMs(plan, duration) / timeScale,
    sequential: plan.reduce((sum, step) => sum + duration(step.id), 0) / timeScale,
  };
}

async function pollsPerStep(runIds: string[]) {
  const steps = await fixture.database.db.provisioningStep.findMany({ where: { runId: { in: runIds } } });
  const polls = new Map<string, number>();
  for (const step of steps) polls.set(step.stepId, (polls.get(step.stepId) ?? 0) + step.attempts - 1);
  return [...polls]
    .filter(([, count]) => count > 0)
    .map(([step, count]) => `${step} ${(count / runIds.length).toFixed(1)}`);
}

async function singleChain(scenario: Scenario, linkMode: LinkMode) {
  const requestId = await fixture.approvedRequest({ scenario, linkMode });
  const { criticalPath, sequential } = await bounds(requestId, linkMode);
  const callsBefore = awsCalls.count;
  const started = Date.now();
  const runId = await startProvisioningRun(fixture.database.db, requestId);
  const result = await advanceToEnd(fixture.dependencies, runId, { maxMs: 30 * 60_000 });
  const wall = Date.now() - started;
  console.log(
    `${scenario.padEnd(17)} ${linkMode}  ${result.status.padEnd(9)} wall ${(wall / 1000).toFixed(2)} s · critical path ${(criticalPath / 1000).toFixed(2)} s ` +
      `(${(wall / criticalPath).toFixed(2)}×) · one after another ${(sequential / 1000).toFixed(2)} s · AWS calls ${awsCalls.count - callsBefore}`,
  );
  console.log(`    polls per step: ${(await pollsPerStep([runId])).join(", ")}`);
  const failed = await fixture.database.db.provisioningStep.findFirst({ where: { runId, status: "failed" } });
  if (failed) console.log(`    failed at ${failed.stepId}: ${JSON.stringify(failed.error)}`);
}

async function manyChains() {
  const requestIds: string[] = [];
  for (let index = 0; index < chains; index += 1)
    requestIds.push(
      await fixture.approvedRequest({
        scenario: index % 2 === 0 ? "cross_account_nlb" : "remote_network",
        linkMode: "v2",
      }),
    );
  const { criticalPath } = await bounds(requestIds[0] ?? "", "v2");
  const deploymentInterval =
    1000 / (profile.throttles["apigateway:CreateDeployment"]?.ratePerSecond ?? 0.2) / timeScale;
  const bound = criticalPath + (chains - 1) * deploymentInterval;
  const [callsBefore, throttledBefore] = [awsCalls.count, awsCalls.throttled];
  const started = Date.now();
  const runIds = await Promise.all(requestIds.map((id) => startProvisioningRun(fixture.database.db, id)));
  const results = await Promise.all(
    runIds.map((runId) => advanceToEnd(fixture.dependencies, runId, { maxMs: 30 * 60_000 })),
  );
  const wall = Date.now() - started;
  const deploys = await fixture.database.db.provisioningStep.findMany({
    where: { runId: { in: runIds }, stepId: "restApi.deploy" },
    select: { finishedAt: true },
  });
  const deployTimes = deploys
    .flatMap((step) => (step.finishedAt ? [step.finishedAt.getTime() - started] : []))
    .sort((a, b) => a - b);
  console.log(
    `${chains} chains at once (v2 hub): ${results.filter((result) => result.status === "succeeded").length} succeeded, ` +
      `${results.filter((result) => result.status !== "succeeded").length} failed · wall ${(wall / 1000).toFixed(2)} s · ` +
      `throttle bound ${(bound / 1000).toFixed(2)} s (${(wall / bound).toFixed(2)}×) · AWS calls ${awsCalls.count - callsBefore}, throttled ${awsCalls.throttled - throttledBefore}`,
  );
  const [firstDeploy = 0, lastDeploy = 0] = [deployTimes[0], deployTimes.at(-1)];
  console.log(
    `    deployments from ${(firstDeploy / 1000).toFixed(2)} s to ${(lastDeploy / 1000).toFixed(2)} s: ${((lastDeploy - firstDeploy) / Math.max(1, deployTimes.length - 1)).toFixed(0)} ms apart ` +
      `(AWS allows one per ${deploymentInterval.toFixed(0)} ms at this scale)`,
  );
  console.log(`    polls per step (mean per chain): ${(await pollsPerStep(runIds)).join(", ")}`);
  const failures = await fixture.database.db.provisioningStep.findMany({
    where: { runId: { in: runIds }, status: "failed" },
    take: 3,
  });
  for (const failed of failures) console.log(`    failed at ${failed.stepId}: ${JSON.stringify(failed.error)}`);
}

/** Bulk migration V1 → V2 of one hub's exposures, with one caller cycling through them all the whole time. */
async function bulkMigration() {
  const { db } = fixture.database;
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
  const deploymentInterval =
    1000 / (profile.throttles["apigateway:CreateDeployment"]?.ratePerSecond ?? 0.2) / timeScale;
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

/** A fresh simulator and database, so one part's NLBs and links do not count against the next part's quotas. */
async function freshFixture() {
  fixture = await startProvisioningFixture({ profile: "realistic", timeScale, throttles: true, log: countCall });
  fixture.dependencies.timeScale = timeScale;
  return fixture;
}

const announce = () =>
  console.log(`simulator profile realistic, time scale ${timeScale}× (1 s here = ${timeScale} s of AWS)`);
if (parts.includes("singles")) {
  announce();
  for (const linkMode of ["v1", "v2"] as const) {
    for (const scenario of ["cross_account_nlb", "remote_network"] as const) {
      await freshFixture();
      await singleChain(scenario, linkMode).finally(() => fixture.close());
    }
  }
}
if (parts.includes("many")) {
  timeScale = manyTimeScale;
  announce();
  await freshFixture();
  await manyChains().finally(() => fixture.close());
}
if (parts.includes("migrate")) {
  timeScale = manyTimeScale;
  announce();
  await freshFixture();
  await bulkMigration().finally(() => fixture.close());
}
