import type { JobDefinition } from "./job-definition";
import { expireAccessGrantsJob } from "@/lib/access/access-jobs";
import {
  reconcileConsumerEndpointsJob,
  sweepConsumerEndpointsJob,
} from "@/lib/provisioning/consumers/consumer-endpoint-jobs";
import { advanceRunJob, sweepRunsJob, verifyChainsJob } from "@/lib/provisioning/engine/run-jobs";
import { deliverNotificationJob, sweepNotificationsJob } from "@/lib/notifications/notification-jobs";

/** Every job the worker runs. */
export const jobDefinitions: JobDefinition[] = [
  advanceRunJob,
  sweepRunsJob,
  verifyChainsJob,
  reconcileConsumerEndpointsJob,
  sweepConsumerEndpointsJob,
  deliverNotificationJob,
  sweepNotificationsJob,
  expireAccessGrantsJob,
];
