import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { createBoss } from "@/lib/jobs/boss";
import { senderOf } from "@/lib/jobs/worker";
import { sendAdvance } from "@/lib/provisioning/engine/run-jobs";
import { provisionAndQueue } from "@/lib/provisioning/engine/queued-run-operations";
import type { Scenario } from "@/lib/generated/prisma/client";
import { oneOfEach } from "@/lib/testing/chain-outcomes";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { exited, startWorkerProcess, stopWorkerProcess } from "@/lib/testing/worker-process";
import { platformRole, poolLandscape } from "@/lib/testing/pool-landscape";
import { setQuota } from "@/simulator/testing/set-quota";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";
import { awsCallCounter, chainBounds, deploymentIntervalMs, seconds } from "./provision-bounds";

// The hub pool at scale: EXPOSURES requests approved at once over HUBS hubs in as many platform accounts, run by
// WORKERS worker processes (`npm run worker`, separate OS processes, sharing the runs through pg-boss and the step
// leases), one of them killed with SIGKILL halfway through the throttle bound. Measured: failed runs, duplicate
// resources, wall time against the throttle bound (each account deploys one API every 5 s, the accounts in parallel),
// AWS calls and the workers' CPU seconds per chain.

type PoolOptions = { timeScale: number; exposures: number; hubs: number; workers: number };

/** User + system CPU seconds of a process so far, from /proc (Linux). */
function cpuSeconds(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function approvedRequests(fixture: ProvisioningFixture, options: PoolOptions) {
  const hubIds = [await fixture.hubId("v2")];
  for (let index = 1; index < options.hubs; index += 1)
    hubIds.push(await fixture.addPlatformHub(platformRole(index), "v2"));
  const perHub = Math.ceil(options.exposures / options.hubs);
  for (let index = 0; index < options.hubs && perHub > 50; index += 1)
    // A platform team asks AWS for more NLBs per Region than the default 50 (adjustable).
    await setQuota(fixture.sim, {
      accountId: platformRole(index).accountId,
      region: "eu-west-1",
      quota: "L-69A177A2",
      value: perHub + 10,
    });
  const requests: { id: string; scenario: Scenario }[] = [];
  for (let index = 0; index < options.exposures; index += 1) {
    const scenario: Scenario = index % 2 === 0 ? "cross_account_nlb" : "remote_network";
    const hubId = hubIds[index % options.hubs];
    requests.push({ id: await fixture.approvedRequest({ scenario, linkMode: "v2", hubId }), scenario });
  }
  return { requests, perHub };
}

/**
 * Chains whose resources are not exactly one of each, and the endpoint services: the scenario A exposures all front
 * the demo's one application NLB, which backs at most one endpoint service, so they share the one the first made.
 */
function countResources(fixture: ProvisioningFixture, requests: { id: string; scenario: Scenario }[]) {
  const sorted = (counts: Record<string, number>) => JSON.stringify(Object.entries(counts).sort());
  let endpointServices = 0;
  let chainsOff = 0;
  for (const request of requests) {
    const { "ec2.endpointService": services = 0, ...counts } = countByKind(
      taggedResources(fixture.sim, "gatehouse:request-id", request.id),
    );
    const { "ec2.endpointService": _shared, ...expected } = oneOfEach(request.scenario, "v2");
    endpointServices += services;
    if (sorted(counts) !== sorted(expected)) chainsOff += 1;
  }
  return { chainsOff, endpointServices };
}

async function activeCount(fixture: ProvisioningFixture, ids: string[]) {
  return fixture.database.db.exposureRequest.count({ where: { id: { in: ids }, status: "active" } });
}

export async function benchHubPool(options: PoolOptions): Promise<void> {
  const awsCalls = awsCallCounter();
  const fixture = await startProvisioningFixture({
    profile: "realistic",
    timeScale: options.timeScale,
    throttles: true,
    landscapeFile: poolLandscape(options.hubs),
    log: awsCalls.log,
  });
  const workers: ChildProcess[] = [];
  let stopSender: () => Promise<void> = async () => undefined;
  try {
    const { db } = fixture.database;
    const { requests, perHub } = await approvedRequests(fixture, options);
    const ids = requests.map((request) => request.id);
    const { criticalPath } = await chainBounds(db, ids[0] ?? "", "v2", options.timeScale);
    const bound = criticalPath + (perHub - 1) * deploymentIntervalMs(options.timeScale);
    // The bench queues runs as the approval route does, through pg-boss on the fixture's database.
    const boss = createBoss(fixture.database.url);
    await boss.start();
    const jobs = senderOf(boss);
    stopSender = () => boss.stop({ graceful: false });
    const workerEnv = {
      GATEHOUSE_ENGINE_TIME_SCALE: String(options.timeScale),
      // A step held by the killed worker is taken over after its lease, scaled like every other wait.
      GATEHOUSE_STEP_LEASE_SECONDS: String(Math.max(1, Math.round(60 / options.timeScale))),
    };
    for (let index = 0; index < options.workers; index += 1) workers.push(startWorkerProcess(fixture, workerEnv));
    const callsBefore = awsCalls.counts.count;
    const started = Date.now();
    // Approvals arrive as many people click at once, not one after another: 25 in flight at a time.
    const queue = { db, queueRunAdvance: (runId: string) => sendAdvance(jobs, runId) };
    for (let index = 0; index < ids.length; index += 25)
      await Promise.all(ids.slice(index, index + 25).map((id) => provisionAndQueue(queue, id)));
    const queued = Date.now() - started;

    const deadline = started + Math.max(20 * bound, 600_000);
    let killed: { at: number; cpu: number } | undefined;
    let settled = 0;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      // Halfway through the bound, most chains are in flight: the kill lands on steps being run and jobs being held.
      if (!killed && Date.now() - started >= bound / 2 && workers[0] && workers.length > 1) {
        killed = { at: Date.now() - started, cpu: cpuSeconds(workers[0]) };
        workers[0].kill("SIGKILL");
        await exited(workers[0]);
      }
      settled = await db.exposureRequest.count({ where: { id: { in: ids }, status: { in: ["active", "failed"] } } });
      if (settled === ids.length) break;
    }
    const wall = Date.now() - started;
    const alive = killed ? workers.slice(1) : workers;
    const cpu = (killed?.cpu ?? 0) + alive.reduce((sum, worker) => sum + cpuSeconds(worker), 0);
    const failed = await db.exposureRequest.count({ where: { id: { in: ids }, status: "failed" } });
    const { chainsOff, endpointServices } = countResources(fixture, requests);
    console.log(
      `${ids.length} exposures over ${options.hubs} hubs (${perHub} each, V2), ${options.workers} worker processes, ` +
        `all approved and queued in ${seconds(queued)}, one killed (SIGKILL) at ${killed ? seconds(killed.at) : "never"}: ${await activeCount(fixture, ids)} active, ` +
        `${failed} failed, ${ids.length - settled} unfinished, ${chainsOff} chains with a missing or duplicate resource, ${endpointServices} endpoint service(s) for the one application NLB`,
    );
    console.log(
      `    wall ${seconds(wall)} · throttle bound ${seconds(bound)} (${(wall / bound).toFixed(2)}×: critical path ` +
        `${seconds(criticalPath)} + ${perHub - 1} deployments per account) · AWS calls per chain ` +
        `${((awsCalls.counts.count - callsBefore) / ids.length).toFixed(1)} · worker CPU per chain ` +
        `${(cpu / ids.length).toFixed(3)} s (${cpu.toFixed(1)} s in all)`,
    );
  } finally {
    await Promise.all(
      workers.filter((worker) => worker.signalCode === null).map((worker) => stopWorkerProcess(worker)),
    );
    await stopSender();
    await fixture.close();
  }
}
