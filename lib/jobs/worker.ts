import type { PgBoss } from "pg-boss";
import { createBoss } from "./boss";
import type { JobDefinition, JobSender } from "./job-definition";

export type RunningWorker = { boss: PgBoss; stop(): Promise<void> };

/** A sender that creates each job's queue (with its policy) the first time, so a sender may start before any worker. */
export function senderOf(boss: PgBoss): JobSender {
  const created = new Map<string, Promise<void>>();
  return {
    async send(job, data, options) {
      if (!created.has(job.name)) created.set(job.name, boss.createQueue(job.name, job.queue ?? {}));
      await created.get(job.name);
      await boss.send(job.name, job.schema.parse(data) as object, options ?? {});
    },
  };
}

/** Starts pg-boss and a handler per job definition; stop() lets jobs in flight finish before it resolves. */
export async function startWorker(options: {
  databaseUrl: string;
  jobs: readonly JobDefinition[];
  log?: (line: string) => void;
  stopTimeoutMs?: number;
  /** How often an idle worker looks for due jobs (pg-boss: 2 s by default, 0.5 s at the least). */
  pollingIntervalSeconds?: number;
}): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const boss = createBoss(options.databaseUrl);
  boss.on("error", (error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  const sender = senderOf(boss);
  for (const job of options.jobs) {
    await boss.createQueue(job.name, job.queue ?? {});
    // createQueue leaves an existing queue as it was: an upgrade's changed retry or heartbeat settings reach it here.
    // (A queue's policy and partitioning are fixed at creation.)
    const { policy: _policy, partition: _partition, ...settings } = job.queue ?? {};
    if (Object.keys(settings).length > 0) await boss.updateQueue(job.name, settings);
    await boss.work<unknown>(
      job.name,
      { localConcurrency: job.concurrency ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async (batch) => {
        for (const item of batch) await job.handle(job.schema.parse(item.data), sender);
      },
    );
    if (job.schedule) {
      await boss.schedule(job.name, job.schedule, {});
      await sender.send(job, {});
    }
    log(`working on ${job.name}`);
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 30_000 }),
  };
}
