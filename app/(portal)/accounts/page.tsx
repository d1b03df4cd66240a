import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  await pageAdmin();
  const accounts = await db().awsAccount.findMany({ include: { owningTeam: true }, orderBy: { alias: "asc" } });
  return (
    <>
      <h1>Accounts</h1>
      {accounts.length === 0 ? (
        <EmptyState title="No AWS accounts registered">
          <p>
            Application and platform accounts appear here once registered, with the cross-account role Gatehouse assumes
            and the result of its last verification. Registration is on its way.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Registered AWS accounts"
          columns={["Alias", "Account", "Kind", "Team", "Regions", "Verified"]}
        >
          {accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.alias}</td>
              <td className="mono">{account.accountId}</td>
              <td>{account.kind}</td>
              <td>{account.owningTeam.name}</td>
              <td>{account.regions.join(", ")}</td>
              <td>{account.verifiedAt ? account.verifiedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
