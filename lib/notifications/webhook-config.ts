import { env, type Env } from "@/lib/env";

export type WebhookConfig = { url: string; secret: string };

/** The outgoing webhook, or null when notifications are off (GATEHOUSE_WEBHOOK_URL unset). */
export function webhookConfig(source: Env = env()): WebhookConfig | null {
  const { GATEHOUSE_WEBHOOK_URL: url, GATEHOUSE_WEBHOOK_SECRET: secret } = source;
  return url && secret ? { url, secret } : null;
}
