import type { Scenario } from "@/lib/generated/prisma/client";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/translatable";

// The JSON a webhook receives: Slack's incoming-webhook `text` (so a Slack URL works as is) plus structured fields
// for anything else that wants to act on the event. Only `text` is words, in the configured language
// (GATEHOUSE_NOTIFICATION_LOCALE); the field names, the event and the values stay identifiers for machines.

export const notificationEvents = [
  "request.submitted",
  "request.approved",
  "request.rejected",
  "request.active",
  "request.failed",
  "request.decommissioned",
  "access.requested",
  "access.approved",
  "access.rejected",
  "access.revoked",
  "access.expiring",
  "access.expired",
] as const;

export type NotificationEvent = (typeof notificationEvents)[number];

export type NotificationSubject = {
  id: string;
  apiName: string;
  stageName: string;
  scenario: Scenario;
  teamName: string;
};

/** Who caused the event and why, when there is a who or a why (a reject comment, the failed hop). */
export type NotificationContext = { actor?: string; comment?: string; error?: string };

const headlines: Record<NotificationEvent, MessageKey> = {
  "request.submitted": "notifications.headline.request.submitted",
  "request.approved": "notifications.headline.request.approved",
  "request.rejected": "notifications.headline.request.rejected",
  "request.active": "notifications.headline.request.active",
  "request.failed": "notifications.headline.request.failed",
  "request.decommissioned": "notifications.headline.request.decommissioned",
  "access.requested": "notifications.headline.access.requested",
  "access.approved": "notifications.headline.access.approved",
  "access.rejected": "notifications.headline.access.rejected",
  "access.revoked": "notifications.headline.access.revoked",
  "access.expiring": "notifications.headline.access.expiring",
  "access.expired": "notifications.headline.access.expired",
};

export type WebhookPayload = {
  text: string;
  event: NotificationEvent;
  occurredAt: string;
  request: NotificationSubject & { url: string | null };
} & NotificationContext;

export function buildWebhookPayload(
  event: NotificationEvent,
  subject: NotificationSubject,
  context: NotificationContext,
  options: { portalUrl?: string; now?: Date; locale?: Locale },
): WebhookPayload {
  const locale = options.locale ?? defaultLocale;
  const say = (key: MessageKey, values: Record<string, string>) => translate({ key, values }, locale);
  const url = options.portalUrl
    ? new URL(`/requests/${encodeURIComponent(subject.id)}`, options.portalUrl).toString()
    : null;
  const name = `${subject.apiName} (${subject.stageName}, ${subject.teamName})`;
  let text = say("notifications.text", { name: slackEscape(name), headline: say(headlines[event], {}) });
  if (context.actor) text = say("notifications.byActor", { text, actor: slackEscape(context.actor) });
  if (context.comment) text = say("notifications.comment", { text, comment: slackEscape(context.comment) });
  if (context.error) text = say("notifications.error", { text, error: slackEscape(context.error) });
  if (url) text += ` <${url}|${say("notifications.open", {})}>`;
  return {
    text,
    event,
    occurredAt: (options.now ?? new Date()).toISOString(),
    request: { ...subject, url },
    ...context,
  };
}

/** Slack treats <, > and & as markup (links, mentions); user-typed text must not become a link or @channel. */
function slackEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
