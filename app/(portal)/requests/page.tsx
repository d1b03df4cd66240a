import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const statuses = requestFilterSchema.shape.status.unwrap().unwrap().options;

export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await pageUser();
  const filter = requestFilterSchema.parse(await searchParams);
  const [requests, t, status, format] = await Promise.all([
    listRequests(db(), user, filter),
    getTranslations("requests"),
    getTranslations("status"),
    getFormatter(),
  ]);
  const canRequest = requestableTeams(user).length > 0;
  const submittedAt = (iso: string) => format.dateTime(new Date(iso), "minute");
  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t("title")}</h1>
        {canRequest ? (
          <Link href="/requests/new" className="button primary">
            {t("newRequest")}
          </Link>
        ) : null}
      </div>
      <FilterForm label={t("filter.label")}>
        <label>
          {t("filter.search")}
          <input name="q" defaultValue={filter.q ?? ""} placeholder={t("filter.searchPlaceholder")} />
        </label>
        <FilterSelect
          label={t("filter.status")}
          name="status"
          value={filter.status}
          anyLabel={t("filter.anyStatus")}
          options={statuses.map((value) => ({ value, label: status(value) }))}
        />
      </FilterForm>
      {requests.length === 0 ? (
        <EmptyState title={filter.q || filter.status ? t("empty.noMatch") : t("empty.none")}>
          <p>{canRequest ? t("empty.askForOne") : t("empty.notARequester")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("table.caption")}
          columns={[
            t("table.api"),
            t("table.source"),
            t("table.team"),
            t("table.requestedBy"),
            t("table.status"),
            t("table.submitted"),
          ]}
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
              <td className="mono nowrap">{submittedAt(request.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
