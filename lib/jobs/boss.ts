import { PgBoss } from "pg-boss";

// pg-boss keeps its tables in their own schema of the application database; SKIP LOCKED hands each job to exactly
// one worker, however many run.
export function createBoss(databaseUrl: string): PgBoss {
  return new PgBoss({ connectionString: databaseUrl, schema: "pgboss", application_name: "gatehouse-worker", max: 4 });
}
