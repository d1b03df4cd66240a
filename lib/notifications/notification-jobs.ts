import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Db } from "@/lib/db/client";
import { defineJob, type JobSender } from "@/lib/jobs/job-definition";
import { deliverWebhook, type DeliveryPolicy } from "./deliver-webhook";
import { webhookConfig } from "./webhook-config";

// The worker's side of notifications: one job per delivery row, retried by pg-boss with backoff, and a sweep that
// queues any row whose job was never sent.

type JobPolicy = DeliveryPolicy & { retryDelaySeconds: number };

// Five attempts over about five minutes (backoff from 10 s, capped at 2 min), each with a 10 s timeout.
export const defaultDeliveryPolicy: JobPolicy = { maxAttempts: 5, timeoutMs: 10_000, retryDelaySeconds: 10 };

export function defineDeliverJob(policy: JobPolicy) {
  return defineJob({
    name: "notifications.deliver",
    schema: z.object({ deliveryId: z.string().min(1).max(64) }),
    queue: {
      retryLimit: policy.maxAttempts - 1,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 120,
    },
    concurrency: 4,
    async handle({ deliveryId }) {
      const outcome = await deliverWebhook(db(), deliveryId, webhookConfig(), policy);
      // Throwing hands the job back to pg-boss, which runs it again after the backoff.
      if (outcome === "retry") throw new Error(`webhook delivery ${deliveryId} failed; retrying`);
    },
  });
}

export const deliverNotificationJob = defineDeliverJob(defaultDeliveryPolicy);

/**
 * Queues the delivery job of a row. The job id is derived from the row id, so queueing the same row twice (the
 * after-commit kick and the sweep, or two sweeps) creates one job: pg-boss ignores an insert with an existing id.
 */
export async function queueDelivery(jobs: JobSender, deliveryId: string): Promise<void> {
  await jobs.send(deliverNotificationJob, { deliveryId }, { id: jobIdFor(deliveryId) });
}

function jobIdFor(deliveryId: string): string {
  const hex = createHash("sha256").update(`webhook-delivery:${deliveryId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Queues rows pending for longer than the after-commit kick needs: a job never sent (a crash right after the commit)
 * gets one; a row whose job still exists is left to it (same job id).
 */
export async function sweepPendingDeliveries(db: Db, jobs: JobSender, olderThanMs = 30_000): Promise<number> {
  const stale = await db.webhookDelivery.findMany({
    where: { status: "pending", createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const row of stale) await queueDelivery(jobs, row.id);
  return stale.length;
}

export const sweepNotificationsJob = defineJob({
  name: "notifications.sweep",
  schema: z.object({}),
  schedule: "* * * * *",
  async handle(_data, jobs) {
    await sweepPendingDeliveries(db(), jobs);
  },
});
