import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "../accounts.module.css";
import layout from "@/components/page-layout.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { QuickCreateLink } from "./quick-create-link";
import { RotateExternalId } from "./rotate-external-id";
import { VerificationPanel } from "./verification-panel";
import { accountRoleTemplate, accountView } from "@/lib/accounts/account-views";
import { createStackUrl, roleStackName } from "@/lib/accounts/role-template";
import { pageAdmin } from "@/lib/auth/current-user";
import { portalPrincipalArn } from "@/lib/aws/portal-identity";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.page");
  return { title: t("title") };
}

async function readPortalPrincipal(): Promise<{ arn: string } | { problem: true }> {
  try {
    return { arn: await portalPrincipalArn() };
  } catch (error) {
    console.error("reading the portal's AWS identity failed:", error);
    return { problem: true };
  }
}

const mono = (chunks: ReactNode) => <span className="mono">{chunks}</span>;

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  await pageAdmin();
  const { id } = await params;
  const record = await db().awsAccount.findUnique({ where: { id }, include: { owningTeam: true } });
  if (!record) notFound();
  const account = accountView(record);
  const [principal, t] = await Promise.all([readPortalPrincipal(), getTranslations("accounts")]);
  const region = account.regions[0] ?? "us-east-1";
  const roleIntro =
    "arn" in principal
      ? t.rich("page.roleIntro", {
          mono,
          roleName: account.roleName,
          stackName: roleStackName(account),
          principal: principal.arn,
          kind: account.kind,
        })
      : null;
  return (
    <>
      <p>
        <Link href="/accounts">{t("back")}</Link>
      </p>
      <h1>
        {account.alias} <span className="mono">({account.accountId})</span>
      </h1>
      <dl className={layout.details}>
        <dt>{t("page.kind")}</dt>
        <dd>{t(`kinds.${account.kind}`)}</dd>
        <dt>{t("page.owningTeam")}</dt>
        <dd>{account.owningTeam.name}</dd>
        <dt>{t("page.regions")}</dt>
        <dd>{account.regions.join(", ")}</dd>
        <dt>{t("page.roleArn")}</dt>
        <dd className="mono">{account.roleArn}</dd>
        <dt>{t("page.externalId")}</dt>
        <dd className="mono" data-testid="external-id">
          {account.externalId}
        </dd>
      </dl>
      <div className={`${layout.actions} ${styles.section}`}>
        <Link className="button" href={`/accounts/${account.id}/edit`}>
          {t("page.edit")}
        </Link>
        <RotateExternalId accountId={account.id} alias={account.alias} />
      </div>

      <section className={styles.section} aria-labelledby="role-heading">
        <h2 id="role-heading">{t("page.roleHeading", { accountId: account.accountId })}</h2>
        {"problem" in principal ? (
          <p role="alert" className="alert">
            {t("page.principalProblem")}
          </p>
        ) : (
          <div className={styles.stack}>
            <p>{roleIntro}</p>
            <div className={layout.actions}>
              <a className="button primary" href={`/api/accounts/${account.id}/template`} download>
                {t("page.downloadTemplate")}
              </a>
              <a className="button" href={createStackUrl(account.partition, region)} target="_blank" rel="noreferrer">
                {t("page.openCloudFormation")}
              </a>
            </div>
            <QuickCreateLink
              partition={account.partition}
              region={region}
              alias={account.alias}
              roleName={account.roleName}
              externalId={account.externalId}
            />
            <details>
              <summary>{t("page.showTemplate")}</summary>
              <pre className={`code-block ${styles.template}`} data-testid="role-template">
                {JSON.stringify(accountRoleTemplate(account, principal.arn), null, 2)}
              </pre>
            </details>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="verification-heading">
        <h2 id="verification-heading">{t("page.verificationHeading")}</h2>
        <p className={fieldStyles.hint}>{t("page.verificationHint")}</p>
        {/* A new role or ExternalId starts a new verification history: remount, dropping the last check's result. */}
        <VerificationPanel
          key={`${account.roleArn} ${account.externalId}`}
          accountId={account.id}
          initial={account.verification}
        />
      </section>
    </>
  );
}
