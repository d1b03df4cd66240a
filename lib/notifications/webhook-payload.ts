import type { Scenario } from "@/lib/generated/prisma/client";

// The JSON a webhook receives: Slack's incoming-webhook `text` (so a Slack URL works as is) plus structured fields
// for anything else that wants to act on the event.

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

const headlines: Record<NotificationEvent, string> = {
  "request.submitted": "submitted for approval",
  "request.approved": "approved",
  "request.rejected": "rejected",
  "request.active": "is active",
  "request.failed": "failed",
  "request.decommissioned": "decommissioned",
  "access.requested": "access requested",
  "access.approved": "access approved",
  "access.rejected": "access rejected",
  "access.revoked": "access revoked",
  "access.expiring": "access ends within a week",
  "access.expired": "access ended",
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
  options: { portalUrl?: string; now?: Date },
): WebhookPayload {
  const url = options.portalUrl
    ? new URL(`/requests/${encodeURIComponent(subject.id)}`, options.portalUrl).toString()
    : null;
  const name = `${subject.apiName} (${subject.stageName}, ${subject.teamName})`;
  const parts = [`Gatehouse: ${slackEscape(name)} ${headlines[event]}`];
  if (context.actor) parts.push(`by ${slackEscape(context.actor)}`);
  let text = parts.join(" ");
  if (context.comment) text += `: ${slackEscape(context.comment)}`;
  if (context.error) text += `: ${slackEscape(context.error)}`;
  if (url) text += ` <${url}|open>`;
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
