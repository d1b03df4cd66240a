import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { auditFilterSchema, listAuditActions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await pageAdmin();
  const filter = auditFilterSchema.parse(await searchParams);
  const [{ events, total, pages }, actions] = await Promise.all([
    listAuditEvents(db(), filter),
    listAuditActions(db()),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams({
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      page: String(page),
    });
    return `/audit?${params.toString()}`;
  };
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" method="get" role="search" aria-label="Filter the audit log">
        <label>
          Actor
          <input name="actor" defaultValue={filter.actor ?? ""} placeholder="email or system" />
        </label>
        <label>
          Action
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
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
                {event.targetId ? <span className="mono"> {event.targetId}</span> : null}
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
        {filter.page > 1 ? <Link href={pageLink(filter.page - 1)}>Newer</Link> : null}
        {filter.page < pages ? <Link href={pageLink(filter.page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
