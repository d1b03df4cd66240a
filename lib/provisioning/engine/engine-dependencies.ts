import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";

// What the engine runs with: its database, its AWS clients, its clock and the limits the environment sets.

export type AdvanceDependencies = {
  db: Db;
  clients: ClientFactory;
  now?: () => Date;
  /** Consecutive transient failures of one step before the run stops. */
  maxTransientFailures?: number;
  /** How long a claimed step belongs to this worker (GATEHOUSE_STEP_LEASE_SECONDS). */
  stepLeaseMs?: number;
  /** How long API Gateway's lists may lag behind a create; 10 s against AWS. */
  createSettleMs?: number;
  /** How long a step may keep waiting on AWS before the run stops (GATEHOUSE_STEP_MAX_WAIT_MINUTES). */
  maxWaitMs?: number;
  /** Runs the engine's clock (polls, backoff) this many times faster: only for a time-scaled simulator (benchmarks). */
  timeScale?: number;
};

export const clockOf = (dependencies: AdvanceDependencies) => dependencies.now ?? (() => new Date());
