import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "../requests/plan-preview";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { approvalFilterSchema, approvalQueue } from "@/lib/approvals/approval-queue";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Approvals" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ages = [
  { hours: 1, label: "an hour" },
  { hours: 24, label: "a day" },
  { hours: 72, label: "three days" },
  { hours: 168, label: "a week" },
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
      </p>
      <form className="filters" method="get" role="search" aria-label="Filter the approval queue">
        <label>
          Kind
          <select name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">Both</option>
            <option value="exposure">New exposures</option>
            <option value="decommission">Decommissions</option>
          </select>
        </label>
        <label>
          Team
          <select name="team" defaultValue={filter.team ?? ""}>
            <option value="">Any team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Account
          <select name="account" defaultValue={filter.account ?? ""}>
            <option value="">Any account</option>
            {accounts.map((account) => (
              <option key={account.accountId} value={account.accountId}>
                {account.alias} ({account.accountId})
              </option>
            ))}
          </select>
        </label>
        <label>
          Scenario
          <select name="scenario" defaultValue={filter.scenario ?? ""}>
            <option value="">Both</option>
            <option value="cross_account_nlb">NLB in an account</option>
            <option value="remote_network">Other network by IP</option>
          </select>
        </label>
        <label>
          Waiting at least
          <select name="olderThanHours" defaultValue={filter.olderThanHours ? String(filter.olderThanHours) : ""}>
            <option value="">Any time</option>
            {ages.map((age) => (
              <option key={age.hours} value={age.hours}>
                {age.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
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
                <StatusBadge status={item.kind === "exposure" ? "pending_approval" : "decommission_pending"} />
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
