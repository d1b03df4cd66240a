import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { approvalFilterSchema, approvalQueue } from "@/lib/approvals/approval-queue";
import { waitingStatus } from "@/lib/approvals/four-eyes";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const kinds = ["exposure", "decommission", "migration", "move"] as const;
const scenarios = ["cross_account_nlb", "remote_network"] as const;
const ages = ["1", "24", "72", "168"] as const;

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  await pageAdmin();
  const filter = approvalFilterSchema.parse(await searchParams);
  const [queue, teams, accounts, t] = await Promise.all([
    approvalQueue(db(), filter),
    db().team.findMany({ where: { kind: "application" }, orderBy: { name: "asc" } }),
    db().awsAccount.findMany({ where: { kind: "application" }, orderBy: { alias: "asc" } }),
    getTranslations("approvals"),
  ]);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const counts = t.rich("counts", { exposure: queue.counts.exposure, decommission: queue.counts.decommission, strong });
  const migrations = t.rich("migrations", { count: queue.counts.migration, strong });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {counts}
        {queue.counts.migration > 0 ? <> {migrations}</> : null}
      </p>
      <FilterForm label={t("filter.label")}>
        <FilterSelect
          label={t("filter.kind")}
          name="kind"
          value={filter.kind}
          anyLabel={t("filter.all")}
          options={kinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        />
        <FilterSelect
          label={t("filter.team")}
          name="team"
          value={filter.team}
          anyLabel={t("filter.anyTeam")}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <FilterSelect
          label={t("filter.account")}
          name="account"
          value={filter.account}
          anyLabel={t("filter.anyAccount")}
          options={accounts.map((account) => ({
            value: account.accountId,
            label: `${account.alias} (${account.accountId})`,
          }))}
        />
        <FilterSelect
          label={t("filter.scenario")}
          name="scenario"
          value={filter.scenario}
          anyLabel={t("filter.all")}
          options={scenarios.map((value) => ({ value, label: t(`scenarios.${value}`) }))}
        />
        <FilterSelect
          label={t("filter.waitingAtLeast")}
          name="olderThanHours"
          value={filter.olderThanHours ? String(filter.olderThanHours) : undefined}
          anyLabel={t("filter.anyTime")}
          options={ages.map((value) => ({ value, label: t(`ages.${value}`) }))}
        />
      </FilterForm>
      {queue.items.length === 0 ? (
        <EmptyState title={t("empty.title")}>
          <p>{t("empty.explanation")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("table.caption")}
          columns={[
            t("table.request"),
            t("table.kind"),
            t("table.team"),
            t("table.requestedBy"),
            t("table.source"),
            t("table.plan"),
            t("table.waiting"),
          ]}
        >
          {queue.items.map((item) => (
            <tr key={`${item.requestId}-${item.kind}`}>
              <td>
                <Link href={`/requests/${item.requestId}`}>{item.apiName}</Link>
              </td>
              <td>
                <StatusBadge status={waitingStatus[item.kind]} />
              </td>
              <td>{item.teamName}</td>
              <td>{item.requesterName}</td>
              <td>{item.source}</td>
              <td>{t("table.checks", { blockers: item.blockers, warnings: item.warnings })}</td>
              <td className="nowrap">
                {item.waitedHours < 1
                  ? t("waited.underAnHour")
                  : item.waitedHours < 48
                    ? t("waited.hours", { hours: item.waitedHours })
                    : t("waited.days", { days: Math.floor(item.waitedHours / 24) })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
