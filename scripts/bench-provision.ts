import { startProvisioningRun } from "@/lib/provisioning/engine/start-provisioning-run";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { awsCallCounter, chainBounds, deploymentIntervalMs, pollsPerStep } from "./bench/provision-bounds";
import { benchBulkMigration } from "./bench/bulk-migration";
import { benchHubPool } from "./bench/hub-pool";

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
const migrations = Number(process.env.BENCH_MIGRATIONS ?? 100);
// "singles", "many", "pool", "migrate" or all (default): one part alone when working on it.
const parts = process.env.BENCH_PARTS ?? "singles,many,pool,migrate";
// The hub pool: BENCH_POOL_EXPOSURES over BENCH_POOL_HUBS hubs by BENCH_POOL_WORKERS worker processes, at each scale.
const pool = {
  exposures: Number(process.env.BENCH_POOL_EXPOSURES ?? 500),
  hubs: Number(process.env.BENCH_POOL_HUBS ?? 5),
  workers: Number(process.env.BENCH_POOL_WORKERS ?? 3),
  timeScales: (process.env.BENCH_POOL_TIME_SCALES ?? "10,60").split(",").map(Number),
};

const awsCalls = awsCallCounter();
let fixture: ProvisioningFixture;

async function singleChain(scenario: Scenario, linkMode: LinkMode) {
  const requestId = await fixture.approvedRequest({ scenario, linkMode });
  const { criticalPath, sequential } = await chainBounds(fixture.database.db, requestId, linkMode, timeScale);
  const callsBefore = awsCalls.counts.count;
  const started = Date.now();
  const runId = await startProvisioningRun(fixture.database.db, requestId);
  const result = await advanceToEnd(fixture.dependencies, runId, { maxMs: 30 * 60_000 });
  const wall = Date.now() - started;
  console.log(
    `${scenario.padEnd(17)} ${linkMode}  ${result.status.padEnd(9)} wall ${(wall / 1000).toFixed(2)} s · critical path ${(criticalPath / 1000).toFixed(2)} s ` +
      `(${(wall / criticalPath).toFixed(2)}×) · one after another ${(sequential / 1000).toFixed(2)} s · AWS calls ${awsCalls.counts.count - callsBefore}`,
  );
  console.log(`    polls per step: ${(await pollsPerStep(fixture.database.db, [runId])).join(", ")}`);
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
  const { criticalPath } = await chainBounds(fixture.database.db, requestIds[0] ?? "", "v2", timeScale);
  const deploymentInterval = deploymentIntervalMs(timeScale);
  const bound = criticalPath + (chains - 1) * deploymentInterval;
  const [callsBefore, throttledBefore] = [awsCalls.counts.count, awsCalls.counts.throttled];
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
      `throttle bound ${(bound / 1000).toFixed(2)} s (${(wall / bound).toFixed(2)}×) · AWS calls ${awsCalls.counts.count - callsBefore}, throttled ${awsCalls.counts.throttled - throttledBefore}`,
  );
  const [firstDeploy = 0, lastDeploy = 0] = [deployTimes[0], deployTimes.at(-1)];
  console.log(
    `    deployments from ${(firstDeploy / 1000).toFixed(2)} s to ${(lastDeploy / 1000).toFixed(2)} s: ${((lastDeploy - firstDeploy) / Math.max(1, deployTimes.length - 1)).toFixed(0)} ms apart ` +
      `(AWS allows one per ${deploymentInterval.toFixed(0)} ms at this scale)`,
  );
  console.log(`    polls per step (mean per chain): ${(await pollsPerStep(fixture.database.db, runIds)).join(", ")}`);
  const failures = await fixture.database.db.provisioningStep.findMany({
    where: { runId: { in: runIds }, status: "failed" },
    take: 3,
  });
  for (const failed of failures) console.log(`    failed at ${failed.stepId}: ${JSON.stringify(failed.error)}`);
}

/** A fresh simulator and database, so one part's NLBs and links do not count against the next part's quotas. */
async function freshFixture() {
  fixture = await startProvisioningFixture({ profile: "realistic", timeScale, throttles: true, log: awsCalls.log });
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
if (parts.includes("pool")) {
  for (const scale of pool.timeScales) {
    timeScale = scale;
    announce();
    await benchHubPool({ ...pool, timeScale: scale });
  }
}
if (parts.includes("migrate")) {
  timeScale = manyTimeScale;
  announce();
  const migrating = await freshFixture();
  await benchBulkMigration(migrating, { migrations, timeScale }).finally(() => migrating.close());
}
