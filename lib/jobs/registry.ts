import type { JobDefinition } from "./job-definition";
import { advanceRunJob, sweepRunsJob, verifyChainsJob } from "@/lib/provisioning/run-jobs";

/** Every job the worker runs. */
export const jobDefinitions: JobDefinition[] = [advanceRunJob, sweepRunsJob, verifyChainsJob];
