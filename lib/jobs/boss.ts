import { PgBoss } from "pg-boss";

// pg-boss keeps its tables in their own schema of the application database; SKIP LOCKED hands each job to exactly
// one worker, however many run.
export function createBoss(databaseUrl: string): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "gatehouse-worker",
    max: 4,
    // The supervisor fails a job whose worker stopped sending heartbeats (a killed worker) on its pass: every 10 s
    // instead of pg-boss's 60, so another worker resumes the run within ~20 s.
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
  });
}
