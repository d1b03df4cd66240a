import type { JobDefinition } from "./job-definition";
import { advanceRunJob, sweepRunsJob, verifyChainsJob } from "@/lib/provisioning/run-jobs";
import { deliverNotificationJob, sweepNotificationsJob } from "@/lib/notifications/notification-jobs";

/** Every job the worker runs. */
export const jobDefinitions: JobDefinition[] = [advanceRunJob, sweepRunsJob, verifyChainsJob, deliverNotificationJob, sweepNotificationsJob];
