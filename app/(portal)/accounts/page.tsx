import type { Metadata } from "next";
import Link from "next/link";
import styles from "./accounts.module.css";
import layout from "@/components/page-layout.module.css";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { accountView, type AccountView } from "@/lib/accounts/account-views";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Accounts" };

function verificationLabel(account: AccountView): string {
  const at = (iso: string) => iso.slice(0, 16).replace("T", " ");
  if (account.verifiedAt) return `verified ${at(account.verification?.checkedAt ?? account.verifiedAt)}`;
  if (account.verification) return `failed ${at(account.verification.checkedAt)}`;
  return "never verified";
}

export default async function AccountsPage() {
  await pageAdmin();
  const [accounts, hubs] = await Promise.all([
    db().awsAccount.findMany({ include: { owningTeam: true }, orderBy: { alias: "asc" } }),
    db().platformHub.findMany({ include: { account: true }, orderBy: { region: "asc" } }),
  ]);
  return (
    <>
      <h1>Accounts</h1>
      <div className={layout.actions}>
        <Link className="button primary" href="/accounts/new">
          Register an account
        </Link>
        <Link className="button" href="/accounts/hub">
          Configure the platform hub
        </Link>
      </div>
      <section className={styles.section} aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">AWS accounts</h2>
        {accounts.length === 0 ? (
          <EmptyState title="No AWS accounts registered">
            <p>Register the platform account and each application account; Gatehouse then shows the role to create.</p>
          </EmptyState>
        ) : (
          <DataTable
            caption="Registered AWS accounts"
            columns={["Alias", "Account", "Kind", "Team", "Regions", "Verification"]}
          >
            {accounts.map(accountView).map((account) => (
              <tr key={account.id}>
                <td>
                  <Link href={`/accounts/${account.id}`}>{account.alias}</Link>
                </td>
                <td className="mono">{account.accountId}</td>
                <td>{account.kind}</td>
                <td>{account.owningTeam.name}</td>
                <td>{account.regions.join(", ")}</td>
                <td>{verificationLabel(account)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className={styles.section} aria-labelledby="hubs-heading">
        <h2 id="hubs-heading">Platform hubs</h2>
        {hubs.length === 0 ? (
          <EmptyState title="No platform hub configured">
            <p>
              Requests need a hub: verify a platform account, then configure its VPC, subnets and execute-api endpoint.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            caption="Platform hubs"
            columns={["Account", "Region", "VPC", "Subnets", "execute-api endpoint", "Link mode"]}
          >
            {hubs.map((hub) => (
              <tr key={hub.id}>
                <td>{hub.account.alias}</td>
                <td>{hub.region}</td>
                <td className="mono">{hub.vpcId}</td>
                <td className="mono">{hub.subnetIds.join(", ")}</td>
                <td className="mono">{hub.executeApiEndpointId}</td>
                <td>{hub.linkMode.toUpperCase()}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
