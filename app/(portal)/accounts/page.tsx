import type { Metadata } from "next";
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
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Alias</th>
                <th scope="col">Account</th>
                <th scope="col">Kind</th>
                <th scope="col">Team</th>
                <th scope="col">Regions</th>
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
