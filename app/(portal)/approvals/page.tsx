import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { approvalFilterSchema, approvalQueue } from "@/lib/approvals/approval-queue";
import { waitingStatus } from "@/lib/approvals/four-eyes";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Approvals" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const kinds = [
  { value: "exposure", label: "New exposures" },
  { value: "decommission", label: "Decommissions" },
  { value: "migration", label: "Migrations to V2" },
  { value: "move", label: "Moves to another hub" },
];

const scenarios = [
  { value: "cross_account_nlb", label: "NLB in an account" },
  { value: "remote_network", label: "Other network by IP" },
];

const ages = [
  { value: "1", label: "an hour" },
  { value: "24", label: "a day" },
  { value: "72", label: "three days" },
  { value: "168", label: "a week" },
];

function waited(hours: number): string {
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  await pageAdmin();
  const filter = approvalFilterSchema.parse(await searchParams);
  const [queue, teams, accounts] = await Promise.all([
    approvalQueue(db(), filter),
    db().team.findMany({ where: { kind: "application" }, orderBy: { name: "asc" } }),
    db().awsAccount.findMany({ where: { kind: "application" }, orderBy: { alias: "asc" } }),
  ]);
  return (
    <>
      <h1>Approvals</h1>
      <p>
        <strong>{queue.counts.exposure}</strong> new exposure{queue.counts.exposure === 1 ? "" : "s"} and{" "}
        <strong>{queue.counts.decommission}</strong> decommission
        {queue.counts.decommission === 1 ? "" : "s"} wait for a decision.
        {queue.counts.migration > 0 ? (
          <>
            {" "}
            <strong>{queue.counts.migration}</strong> migration{queue.counts.migration === 1 ? "" : "s"} to the V2 link
            too.
          </>
        ) : null}
      </p>
      <FilterForm label="Filter the approval queue">
        <FilterSelect label="Kind" name="kind" value={filter.kind} anyLabel="All" options={kinds} />
        <FilterSelect
          label="Team"
          name="team"
          value={filter.team}
          anyLabel="Any team"
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <FilterSelect
          label="Account"
          name="account"
          value={filter.account}
          anyLabel="Any account"
          options={accounts.map((account) => ({
            value: account.accountId,
            label: `${account.alias} (${account.accountId})`,
          }))}
        />
        <FilterSelect label="Scenario" name="scenario" value={filter.scenario} anyLabel="All" options={scenarios} />
        <FilterSelect
          label="Waiting at least"
          name="olderThanHours"
          value={filter.olderThanHours ? String(filter.olderThanHours) : undefined}
          anyLabel="Any time"
          options={ages}
        />
      </FilterForm>
      {queue.items.length === 0 ? (
        <EmptyState title="Nothing waits for a decision">
          <p>Requests from application teams queue here, oldest first, with the exact plan of what will be created.</p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Requests waiting for a decision, oldest first"
          columns={["Request", "Kind", "Team", "Requested by", "Source", "Plan", "Waiting"]}
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
              <td>
                {item.blockers > 0 ? `${item.blockers} blocker(s)` : "no blocker"}
                {item.warnings > 0 ? `, ${item.warnings} warning(s)` : ""}
              </td>
              <td className="nowrap">{waited(item.waitedHours)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
