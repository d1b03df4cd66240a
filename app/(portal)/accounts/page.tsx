import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import styles from "./accounts.module.css";
import layout from "@/components/page-layout.module.css";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { accountView, type AccountView } from "@/lib/accounts/account-views";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

export default async function AccountsPage() {
  await pageAdmin();
  const [accounts, hubs, t, format] = await Promise.all([
    db().awsAccount.findMany({ include: { owningTeam: true }, orderBy: { alias: "asc" } }),
    db().platformHub.findMany({ include: { account: true }, orderBy: { region: "asc" } }),
    getTranslations("accounts"),
    getFormatter(),
  ]);
  const at = (iso: string) => format.dateTime(new Date(iso), "minute");
  const verificationLabel = (account: AccountView) => {
    if (account.verifiedAt) return t("verifiedAt", { when: at(account.verification?.checkedAt ?? account.verifiedAt) });
    if (account.verification) return t("failedAt", { when: at(account.verification.checkedAt) });
    return t("neverVerified");
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <div className={layout.actions}>
        <Link className="button primary" href="/accounts/new">
          {t("registerLink")}
        </Link>
        <Link className="button" href="/accounts/hub">
          {t("configureHubLink")}
        </Link>
      </div>
      <section className={styles.section} aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("awsAccounts")}</h2>
        {accounts.length === 0 ? (
          <EmptyState title={t("noAccounts")}>
            <p>{t("noAccountsHint")}</p>
          </EmptyState>
        ) : (
          <DataTable
            caption={t("accountsCaption")}
            columns={[
              t("columns.alias"),
              t("columns.account"),
              t("columns.kind"),
              t("columns.team"),
              t("columns.regions"),
              t("columns.verification"),
            ]}
          >
            {accounts.map(accountView).map((account) => (
              <tr key={account.id}>
                <td>
                  <Link href={`/accounts/${account.id}`}>{account.alias}</Link>
                </td>
                <td className="mono">{account.accountId}</td>
                <td>{t(`kinds.${account.kind}`)}</td>
                <td>{account.owningTeam.name}</td>
                <td>{account.regions.join(", ")}</td>
                <td>{verificationLabel(account)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className={styles.section} aria-labelledby="hubs-heading">
        <h2 id="hubs-heading">{t("hubsHeading")}</h2>
        {hubs.length === 0 ? (
          <EmptyState title={t("noHubs")}>
            <p>{t("noHubsHint")}</p>
          </EmptyState>
        ) : (
          <DataTable
            caption={t("hubsHeading")}
            columns={[
              t("hubColumns.account"),
              t("hubColumns.region"),
              t("hubColumns.vpc"),
              t("hubColumns.subnets"),
              t("hubColumns.endpoint"),
              t("hubColumns.linkMode"),
            ]}
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
