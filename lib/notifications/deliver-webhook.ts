import type { Db } from "@/lib/db/client";
import { signatureHeader, signWebhook, timestampHeader } from "./webhook-signature";
import type { WebhookConfig } from "./webhook-config";

// One delivery attempt: POST the stored payload, signed, with a timeout; record the outcome on the row. The row is
// the truth: pg-boss only decides when the next attempt runs.

export type DeliveryPolicy = { maxAttempts: number; timeoutMs: number };

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "skipped";

export async function deliverWebhook(
  db: Db,
  deliveryId: string,
  config: WebhookConfig | null,
  policy: DeliveryPolicy,
): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status !== "pending") return "skipped";
  const attempts = delivery.attempts + 1;
  const error = config
    ? await post(config, JSON.stringify(delivery.payload), policy.timeoutMs)
    : "GATEHOUSE_WEBHOOK_URL is no longer set";
  if (error === null) {
    await db.webhookDelivery.update({
      where: { id: deliveryId, status: "pending" },
      data: { status: "delivered", attempts, lastError: null, deliveredAt: new Date() },
    });
    return "delivered";
  }
  const failed = !config || attempts >= policy.maxAttempts;
  await db.webhookDelivery.update({
    where: { id: deliveryId, status: "pending" },
    data: { status: failed ? "failed" : "pending", attempts, lastError: error },
  });
  return failed ? "failed" : "retry";
}

/** null when the receiver answered 2xx; otherwise what went wrong, short enough to show an admin. */
async function post(config: WebhookConfig, body: string, timeoutMs: number): Promise<string | null> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(config.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Gatehouse-Webhook/1",
        [timestampHeader]: String(timestamp),
        [signatureHeader]: signWebhook(config.secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) return null;
    const text = (await response.text().catch(() => "")).slice(0, 200);
    return `HTTP ${response.status}${text ? `: ${text}` : ""}`;
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") return `No answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 300);
  }
}
