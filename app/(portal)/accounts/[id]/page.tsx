import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Account" };

async function readPortalPrincipal(): Promise<{ arn: string } | { problem: string }> {
  try {
    return { arn: await portalPrincipalArn() };
  } catch (error) {
    console.error("reading the portal's AWS identity failed:", error);
    return {
      problem:
        "Gatehouse could not read its own AWS identity (STS GetCallerIdentity), so it cannot name the principal the role must trust. Check the portal's AWS credentials.",
    };
  }
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  await pageAdmin();
  const { id } = await params;
  const record = await db().awsAccount.findUnique({ where: { id }, include: { owningTeam: true } });
  if (!record) notFound();
  const account = accountView(record);
  const principal = await readPortalPrincipal();
  const region = account.regions[0] ?? "us-east-1";
  return (
    <>
      <p>
        <Link href="/accounts">← Accounts</Link>
      </p>
      <h1>
        {account.alias} <span className="mono">({account.accountId})</span>
      </h1>
      <dl className={layout.details}>
        <dt>Kind</dt>
        <dd>{account.kind}</dd>
        <dt>Owning team</dt>
        <dd>{account.owningTeam.name}</dd>
        <dt>Regions</dt>
        <dd>{account.regions.join(", ")}</dd>
        <dt>Role ARN</dt>
        <dd className="mono">{account.roleArn}</dd>
        <dt>ExternalId</dt>
        <dd className="mono" data-testid="external-id">
          {account.externalId}
        </dd>
      </dl>
      <div className={`${layout.actions} ${styles.section}`}>
        <Link className="button" href={`/accounts/${account.id}/edit`}>
          Edit account
        </Link>
        <RotateExternalId accountId={account.id} alias={account.alias} />
      </div>

      <section className={styles.section} aria-labelledby="role-heading">
        <h2 id="role-heading">Role to create in {account.accountId}</h2>
        {"problem" in principal ? (
          <p role="alert" className="alert">
            {principal.problem}
          </p>
        ) : (
          <div className={styles.stack}>
            <p>
              Create the role <span className="mono">{account.roleName}</span> with this CloudFormation template (stack
              name <span className="mono">{roleStackName(account)}</span>). It trusts only{" "}
              <span className="mono">{principal.arn}</span>, only with the ExternalId above, and grants the
              least-privilege policy of {account.kind === "application" ? "an application" : "a platform"} account. Then
              verify it below.
            </p>
            <div className={layout.actions}>
              <a className="button primary" href={`/api/accounts/${account.id}/template`} download>
                Download template
              </a>
              <a className="button" href={createStackUrl(account.partition, region)} target="_blank" rel="noreferrer">
                Open CloudFormation (upload the template)
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
              <summary>Show the template</summary>
              <pre className={`code-block ${styles.template}`} data-testid="role-template">
                {JSON.stringify(accountRoleTemplate(account, principal.arn), null, 2)}
              </pre>
            </details>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="verification-heading">
        <h2 id="verification-heading">Verification</h2>
        <p className={fieldStyles.hint}>
          Gatehouse assumes the role, then checks each permission: EC2 calls with DryRun, read-only describes, and reads
          of ELB and API Gateway. Actions AWS cannot check in advance are listed as not checked.
        </p>
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
