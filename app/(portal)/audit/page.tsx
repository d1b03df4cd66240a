import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { auditFilterSchema, listAuditActions, listAuditEvents, type AuditQuery } from "@/lib/audit/list-audit-events";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { webhookDeliveryOverview } from "@/lib/notifications/list-deliveries";
import { webhookConfig } from "@/lib/notifications/webhook-config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const eventColumns = ["when", "actor", "action", "target", "details"] as const;
const deliveryColumns = ["created", "event", "request", "status", "attempts", "lastError"] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryOf(filter: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page) params.set("page", String(page));
  return params.toString();
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await pageAdmin();
  const filter = auditFilterSchema.parse(await searchParams);
  const [{ events, total, pages }, actions, deliveries, t, format] = await Promise.all([
    listAuditEvents(db(), filter),
    listAuditActions(db()),
    webhookDeliveryOverview(db()),
    getTranslations("audit"),
    getFormatter(),
  ]);
  // An action's identifier stays what the filter, the export and the API use; people read its label beside it.
  const actionLabel = (action: string) => {
    const key = `actions.${action}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : action;
  };
  const when = (date: Date) => format.dateTime(date, "second");
  return (
    <>
      <h1>{t("title")}</h1>
      <FilterForm
        key={queryOf(filter)}
        label={t("filterLabel")}
        actions={
          <a className="button" href={`/api/audit/export?${queryOf(filter)}`} download>
            {t("export")}
          </a>
        }
      >
        <label>
          {t("actor")}
          <input name="actor" defaultValue={filter.actor ?? ""} placeholder={t("actorPlaceholder")} />
        </label>
        <label>
          {t("target")}
          <input name="target" defaultValue={filter.target ?? ""} className="mono" />
        </label>
        <FilterSelect
          label={t("action")}
          name="action"
          value={filter.action}
          anyLabel={t("allActions")}
          options={actions.map((action) => ({ value: action, label: `${actionLabel(action)} · ${action}` }))}
        />
        <label>
          {t("from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <DataTable caption={t("caption")} columns={eventColumns.map((column) => t(`columns.${column}`))}>
          {events.map((event) => (
            <tr key={event.id.toString()}>
              <td className="nowrap">
                <time dateTime={event.at.toISOString()}>{when(event.at)}</time>
              </td>
              <td>{event.actorLabel}</td>
              <td>
                {actionLabel(event.action)}
                <br />
                <code>{event.action}</code>
              </td>
              <td>
                <span className="mono">{event.targetType}</span>
                {event.targetId ? (
                  <>
                    {" "}
                    <Link
                      className="mono"
                      href={`/audit?${queryOf({ target: event.targetId })}`}
                      title={t("targetLink")}
                    >
                      {event.targetId}
                    </Link>
                  </>
                ) : null}
              </td>
              <td className="mono">{JSON.stringify(event.details)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="pager" aria-label={t("pages")}>
        <span>{t("summary", { total, page: filter.page, pages })}</span>
        {filter.page > 1 ? <Link href={`/audit?${queryOf(filter, filter.page - 1)}`}>{t("newer")}</Link> : null}
        {filter.page < pages ? <Link href={`/audit?${queryOf(filter, filter.page + 1)}`}>{t("older")}</Link> : null}
      </nav>
      <section aria-labelledby="webhook-deliveries">
        <h2 id="webhook-deliveries">{t("webhooks.heading")}</h2>
        {webhookConfig() ? null : <p>{t("webhooks.off")}</p>}
        <p>
          {t("webhooks.counts", {
            delivered: deliveries.delivered,
            pending: deliveries.pending,
            failed: deliveries.failed,
          })}
        </p>
        {deliveries.problems.length === 0 ? (
          <p>{t("webhooks.none")}</p>
        ) : (
          <DataTable
            caption={t("webhooks.caption")}
            columns={deliveryColumns.map((column) => t(`webhooks.columns.${column}`))}
          >
            {deliveries.problems.map((delivery) => (
              <tr key={delivery.id}>
                <td className="nowrap">
                  <time dateTime={delivery.createdAt.toISOString()}>{when(delivery.createdAt)}</time>
                </td>
                <td className="mono">{delivery.event}</td>
                <td className="mono">{delivery.requestId ?? ""}</td>
                <td>{delivery.status === "failed" ? t("webhooks.gaveUp") : t("webhooks.retrying")}</td>
                <td>{format.number(delivery.attempts)}</td>
                <td className="mono">{delivery.lastError}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {deliveries.failed > 0 ? <p>{t("webhooks.failedNote")}</p> : null}
      </section>
    </>
  );
}
