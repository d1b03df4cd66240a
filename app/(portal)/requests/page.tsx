import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import styles from "./requests.module.css";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { pageUser } from "@/lib/auth/current-user";
import { requestableTeams } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listRequests } from "@/lib/requests/list-requests";
import { requestFilterSchema } from "@/lib/requests/request-schemas";

export const metadata: Metadata = { title: "My requests" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const statuses = requestFilterSchema.shape.status
  .unwrap()
  .unwrap()
  .options.map((status) => ({ value: status, label: status.replaceAll("_", " ") }));

export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await pageUser();
  const filter = requestFilterSchema.parse(await searchParams);
  const requests = await listRequests(db(), user, filter);
  const canRequest = requestableTeams(user).length > 0;
  return (
    <>
      <div className={styles.toolbar}>
        <h1>My requests</h1>
        {canRequest ? (
          <Link href="/requests/new" className="button primary">
            New request
          </Link>
        ) : null}
      </div>
      <FilterForm label="Search requests">
        <label>
          Search
          <input name="q" defaultValue={filter.q ?? ""} placeholder="API name, account, network or id" />
        </label>
        <FilterSelect label="Status" name="status" value={filter.status} anyLabel="Any status" options={statuses} />
      </FilterForm>
      {requests.length === 0 ? (
        <EmptyState title={filter.q || filter.status ? "No request matches" : "No exposure requests yet"}>
          <p>
            {canRequest
              ? "Ask for a private service to be exposed as a private REST API; a platform admin reviews the exact plan."
              : "You are not a requester in any team; requests of your teams appear here."}
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Exposure requests, newest first"
          columns={["API", "Source", "Team", "Requested by", "Status", "Submitted (UTC)"]}
        >
          {requests.map((request) => (
            <tr key={request.id}>
              <td>
                <Link href={`/requests/${request.id}`}>{request.apiName}</Link>{" "}
                <span className="mono">/{request.stageName}</span>
              </td>
              <td>{request.source}</td>
              <td>{request.teamName}</td>
              <td>{request.requesterName}</td>
              <td>
                <StatusBadge status={request.status} />
              </td>
              <td className="mono nowrap">{request.createdAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
