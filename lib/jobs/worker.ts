import type { PgBoss } from "pg-boss";
import { createBoss } from "./boss";
import type { JobDefinition } from "./job-definition";

export type RunningWorker = { boss: PgBoss; stop(): Promise<void> };

/** Starts pg-boss and a handler per job definition; stop() lets jobs in flight finish before it resolves. */
export async function startWorker(options: {
  databaseUrl: string;
  jobs: readonly JobDefinition[];
  log?: (line: string) => void;
  stopTimeoutMs?: number;
}): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const boss = createBoss(options.databaseUrl);
  boss.on("error", (error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  for (const job of options.jobs) {
    await boss.createQueue(job.name);
    await boss.work<unknown>(job.name, async (batch) => {
      for (const item of batch) await job.handle(job.schema.parse(item.data));
    });
    log(`working on ${job.name}`);
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 30_000 }),
  };
}
