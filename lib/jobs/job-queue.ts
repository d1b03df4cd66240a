import { PgBoss } from "pg-boss";
import type { JobSender } from "./job-definition";
import { senderOf } from "./worker";
import { env } from "@/lib/env";

// The web server and the CLI only queue jobs; the worker runs them. One sending pg-boss per process, without the
// maintenance and scheduling the worker does.

const globalForJobs = globalThis as unknown as { gatehouseJobQueue?: Promise<JobSender> };

async function startSender(databaseUrl: string): Promise<JobSender> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "gatehouse-web",
    max: 2,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  return senderOf(boss);
}

export function jobQueue(): Promise<JobSender> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  globalForJobs.gatehouseJobQueue ??= startSender(url);
  return globalForJobs.gatehouseJobQueue;
}
