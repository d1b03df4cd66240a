import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { ExposureRequest } from "@/lib/generated/prisma/client";
import { jobQueue } from "@/lib/jobs/job-queue";
import { queueDelivery } from "./notification-jobs";
import { buildWebhookPayload, type NotificationContext, type NotificationEvent } from "./webhook-payload";
import { webhookConfig } from "./webhook-config";

/*
 * Usage, inside the transaction that changes the request's status, next to its audit event:
 *
 *   await db.$transaction(async (tx) => {
 *     const request = await tx.exposureRequest.update({ ..., data: { status: "approved" } });
 *     await recordAuditEvent(tx, { ... });
 *     await notify(tx, "request.approved", request, { actor: user.email, comment });
 *   });
 *
 * Events: request.submitted | approved | rejected | active | failed ({ error }) | decommissioned.
 * With GATEHOUSE_WEBHOOK_URL unset, notify does nothing.
 *
 * Why a row never gets lost: the WebhookDelivery row commits (or rolls back) with the caller's change. After the call,
 * this process polls briefly until the row is visible (committed) and queues its `notifications.deliver` job; if the
 * process dies first, the worker's `notifications.sweep` (every minute) queues every row still pending. Job ids are
 * derived from the row id, so a row gets one job however often it is queued.
 */

export type NotifiableRequest = Pick<ExposureRequest, "id" | "apiName" | "stageName" | "scenario" | "teamId">;

export async function notify(
  tx: Tx,
  event: NotificationEvent,
  request: NotifiableRequest,
  context: NotificationContext = {},
): Promise<void> {
  if (!webhookConfig()) return;
  const team = await tx.team.findUnique({ where: { id: request.teamId }, select: { name: true } });
  const payload = buildWebhookPayload(
    event,
    {
      id: request.id,
      apiName: request.apiName,
      stageName: request.stageName,
      scenario: request.scenario,
      teamName: team?.name ?? request.teamId,
    },
    context,
    { portalUrl: env().AUTH_URL, locale: env().GATEHOUSE_NOTIFICATION_LOCALE },
  );
  const delivery = await tx.webhookDelivery.create({
    data: { event, requestId: request.id, payload },
    select: { id: true },
  });
  queueOnceCommitted(delivery.id);
}

const commitPollDelaysMs = [50, 200, 800, 3200];

function queueOnceCommitted(deliveryId: string): void {
  void (async () => {
    for (const delay of commitPollDelaysMs) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const row = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, select: { status: true } });
      if (!row) continue;
      if (row.status === "pending") await queueDelivery(await jobQueue(), deliveryId);
      return;
    }
    // Rolled back, or a transaction still open after four seconds: the sweep queues it if it ever commits.
  })().catch((error) => console.error(`webhook delivery ${deliveryId}: queueing failed, the sweep will retry:`, error));
}
