import { z } from "zod";
import { advanceRun } from "./advance-run";
import type { AdvanceDependencies } from "./engine-dependencies";
import { repairReplacedLinks } from "./repair-replaced-links";
import { checkAllActiveChains } from "../verify/chain-checks";
import type { ClientFactory } from "@/lib/aws/client-factory";
import { processClients } from "@/lib/aws/process-clients";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { defineJob, type JobSender } from "@/lib/jobs/job-definition";
import { jobQueue } from "@/lib/jobs/job-queue";

// The worker's side of provisioning. A run is advanced by a job that returns as soon as the run has to wait for AWS,
// queueing its own follow-up for the moment to look again: no worker sleeps, a crashed worker loses nothing (the sweep
// re-queues unfinished runs), and any number of workers share the runs.

/** The engine as this process runs it: its database, its AWS clients and the configured lease and longest wait. */
export function processDependencies(clients: ClientFactory = processClients()): AdvanceDependencies {
  const settings = env();
  return {
    db: db(),
    clients,
    stepLeaseMs: settings.GATEHOUSE_STEP_LEASE_SECONDS * 1000,
    maxWaitMs: settings.GATEHOUSE_STEP_MAX_WAIT_MINUTES * 60_000,
    timeScale: settings.GATEHOUSE_ENGINE_TIME_SCALE,
  };
}

export const advanceRunJob = defineJob({
  name: "provisioning.advance",
  schema: z.object({ runId: z.string().min(1) }),
  // One queued job per run ("short" policy keyed by the run): repeated sends collapse, while a second worker can still
  // pick up a run whose previous job died with its worker. pg-boss refreshes a heartbeat while the handler runs; a job
  // whose worker was killed misses it and is retried on another worker within ~10 s instead of at its 15-minute expiry.
  queue: {
    policy: "short",
    retryLimit: 20,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 900,
    heartbeatSeconds: 10,
  },
  concurrency: 8,
  async handle({ runId }, jobs) {
    const result = await advanceRun(processDependencies(), runId);
    if (result.status === "waiting") await sendAdvance(jobs, runId, result.wakeAt);
    if (result.followUpRunId) await sendAdvance(jobs, result.followUpRunId);
  },
});

/** Queues the advance job of a run on a given sender (the worker's own, or a process's queue). */
export function sendAdvance(jobs: JobSender, runId: string, startAfter?: Date): Promise<void> {
  return jobs.send(advanceRunJob, { runId }, { singletonKey: runId, ...(startAfter ? { startAfter } : {}) });
}

/** Hands a run to the workers (after approval, retry, rollback or decommission). */
export async function queueRunAdvance(runId: string): Promise<void> {
  await sendAdvance(await jobQueue(), runId);
}

export const sweepRunsJob = defineJob({
  name: "provisioning.sweep",
  schema: z.object({}),
  queue: { policy: "short" },
  schedule: "* * * * *",
  async handle(_data, jobs) {
    // Exposures left on a hub link that was replaced get their repair run, which the loop below queues.
    await repairReplacedLinks(db());
    const unfinished = await db().provisioningRun.findMany({
      where: { status: { in: ["queued", "running"] } },
      select: { id: true },
    });
    for (const run of unfinished) await sendAdvance(jobs, run.id);
  },
});

export const verifyChainsJob = defineJob({
  name: "provisioning.verify",
  schema: z.object({}),
  queue: { policy: "short", expireInSeconds: 1800 },
  schedule: "*/10 * * * *",
  async handle() {
    await checkAllActiveChains(db(), processClients(), (line) => console.warn(line));
  },
});
