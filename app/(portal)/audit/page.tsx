import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { auditFilterSchema, listAuditActions, listAuditEvents, type AuditQuery } from "@/lib/audit/list-audit-events";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { webhookDeliveryOverview } from "@/lib/notifications/list-deliveries";
import { webhookConfig } from "@/lib/notifications/webhook-config";

export const metadata: Metadata = { title: "Audit log" };

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
  const [{ events, total, pages }, actions, deliveries] = await Promise.all([
    listAuditEvents(db(), filter),
    listAuditActions(db()),
    webhookDeliveryOverview(db()),
  ]);
  return (
    <>
      <h1>Audit log</h1>
      <FilterForm
        key={queryOf(filter)}
        label="Filter the audit log"
        actions={
          <a className="button" href={`/api/audit/export?${queryOf(filter)}`} download>
            Export CSV
          </a>
        }
      >
        <label>
          Actor
          <input name="actor" defaultValue={filter.actor ?? ""} placeholder="email, system or token:name" />
        </label>
        <label>
          Request or target id
          <input name="target" defaultValue={filter.target ?? ""} className="mono" />
        </label>
        <FilterSelect
          label="Action"
          name="action"
          value={filter.action}
          anyLabel="All actions"
          options={actions.map((action) => ({ value: action, label: action }))}
        />
        <label>
          From (UTC)
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          To (UTC)
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState title="No audit events match">
          <p>Every request, decision, provisioning step, account change and sign-in is recorded here, append-only.</p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Audit events, newest first"
          columns={["When (UTC)", "Actor", "Action", "Target", "Details"]}
        >
          {events.map((event) => (
            <tr key={event.id.toString()}>
              <td className="mono nowrap">{event.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{event.actorLabel}</td>
              <td className="mono">{event.action}</td>
              <td>
                {event.targetType}
                {event.targetId ? (
                  <>
                    {" "}
                    <Link
                      className="mono"
                      href={`/audit?${queryOf({ target: event.targetId })}`}
                      title="Every event about this target"
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
      <nav className="pager" aria-label="Pages">
        <span>
          {total} event{total === 1 ? "" : "s"} · page {filter.page} of {pages}
        </span>
        {filter.page > 1 ? <Link href={`/audit?${queryOf(filter, filter.page - 1)}`}>Newer</Link> : null}
        {filter.page < pages ? <Link href={`/audit?${queryOf(filter, filter.page + 1)}`}>Older</Link> : null}
      </nav>
      <section aria-labelledby="webhook-deliveries">
        <h2 id="webhook-deliveries">Webhook deliveries</h2>
        {webhookConfig() ? null : (
          <p>Notifications are off: set GATEHOUSE_WEBHOOK_URL and GATEHOUSE_WEBHOOK_SECRET to send them.</p>
        )}
        <p>
          {deliveries.delivered} delivered · {deliveries.pending} pending · {deliveries.failed} failed
        </p>
        {deliveries.problems.length === 0 ? (
          <p>No failed or retrying deliveries.</p>
        ) : (
          <DataTable
            caption="Webhook deliveries that failed or are being retried, newest first"
            columns={["Created (UTC)", "Event", "Request", "Status", "Attempts", "Last error"]}
          >
            {deliveries.problems.map((delivery) => (
              <tr key={delivery.id}>
                <td className="mono nowrap">{delivery.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="mono">{delivery.event}</td>
                <td className="mono">{delivery.requestId ?? ""}</td>
                <td>{delivery.status === "failed" ? "failed (gave up)" : "retrying"}</td>
                <td>{delivery.attempts}</td>
                <td className="mono">{delivery.lastError}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {deliveries.failed > 0 ? (
          <p>Failed deliveries are not retried; check the receiver and GATEHOUSE_WEBHOOK_URL.</p>
        ) : null}
      </section>
    </>
  );
}
