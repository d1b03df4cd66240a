import { z } from "zod";
import { reconcileConsumerEndpoints } from "./reconcile-consumer-endpoints";
import { processClients } from "@/lib/aws/process-clients";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineJob, type JobSender } from "@/lib/jobs/job-definition";
import { jobQueue } from "@/lib/jobs/job-queue";

// The worker's side of consumer endpoints: one reconcile per exposure at a time ("stately" keyed by the request: one
// running, at most one more queued, so a burst of edits collapses into one follow-up that reads the latest list).
// pg-boss retries a reconcile that threw (throttling, 5xx) with backoff; the sweep re-queues what a lost queue
// message or a dead worker left behind.

export const reconcileConsumerEndpointsJob = defineJob({
  name: "provisioning.consumer-endpoints",
  schema: z.object({ requestId: z.string().min(1) }),
  queue: { policy: "stately", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 600 },
  concurrency: 4,
  async handle({ requestId }) {
    await reconcileConsumerEndpoints({ db: db(), clients: processClients() }, requestId);
  },
});

export function sendReconcile(jobs: JobSender, requestId: string): Promise<void> {
  return jobs.send(reconcileConsumerEndpointsJob, { requestId }, { singletonKey: requestId });
}

/** Hands a changed list to the workers. */
export async function queueConsumerEndpointsReconcile(requestId: string): Promise<void> {
  await sendReconcile(await jobQueue(), requestId);
}

export const sweepConsumerEndpointsJob = defineJob({
  name: "provisioning.consumer-endpoints.sweep",
  schema: z.object({}),
  queue: { policy: "short" },
  schedule: "* * * * *",
  async handle(_data, jobs) {
    // Behind the latest revision, or written but not deployed; a permanent failure waits for an admin to apply again.
    const behind = await db().consumerEndpoints.findMany({
      where: {
        request: { status: "active" },
        lastError: { equals: Prisma.DbNull },
        OR: [{ deployPending: true }, { revision: { gt: db().consumerEndpoints.fields.appliedRevision } }],
      },
      select: { requestId: true },
    });
    for (const { requestId } of behind) await sendReconcile(jobs, requestId);
  },
});
