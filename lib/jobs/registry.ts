import type { JobDefinition } from "./job-definition";

/** Every job the worker runs. Provisioning runs, verification and notifications register here as they land. */
export const jobDefinitions: JobDefinition[] = [];
