import type { Metadata } from "next";
import Link from "next/link";
import { HubForm } from "./hub-form";
import { HubMigrations } from "./hub-migrations";
import { QuotasPanel } from "./quotas-panel";
import { processClients } from "@/lib/aws/process-clients";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { hubMigrationSummaries } from "@/lib/hubs/hub-migration-summary";
import { hubSettingsOf } from "@/lib/hubs/hub-settings";

export const metadata: Metadata = { title: "Platform hub" };

export default async function HubPage() {
  await pageAdmin();
  const [accounts, hubs, migrations] = await Promise.all([
    db().awsAccount.findMany({ where: { kind: "platform" }, orderBy: { alias: "asc" } }),
    db().platformHub.findMany(),
    hubMigrationSummaries(db()),
  ]);
  return (
    <>
      <p>
        <Link href="/accounts">← Accounts</Link>
      </p>
      <h1>Platform hub</h1>
      <p>
        The hub is where every exposure&apos;s platform side lives: the platform NLBs in its subnets, the VPC link, and
        the private REST APIs reached through its execute-api endpoint. One hub per platform account and region; a
        region outgrows one account&apos;s quotas by adding hubs in more platform accounts.
      </p>
      <section>
        <h2>VPC link V1 or V2</h2>
        <p>
          New hubs use <strong>V2</strong>; hubs saved before keep their mode, and V1 stays available. Since November
          2025 REST APIs reach NLBs and ALBs through VPC links V2, and AWS now calls the REST VPC link V1
          &ldquo;legacy&rdquo;.
        </p>
        <ul>
          <li>
            <strong>V1</strong>: one REST VPC link per exposure, each bound to one NLB. Exposures are isolated, but an
            account holds 20 V1 links per region by default, so the hub caps at about 20 APIs until the quota is raised.
          </li>
          <li>
            <strong>V2</strong>: one shared link per hub in its subnets; each API&apos;s integration names its own
            platform NLB as <code>integrationTarget</code>. The link quota no longer caps the hub (50 NLBs and 600
            private APIs per account and region still do). The link cannot change subnets or security groups, its
            creation is paced at one per 15 seconds per account, and it goes INACTIVE after 60 days without traffic.
          </li>
        </ul>
        <p>The link mode of a hub changes only while none of its exposures is active or in flight.</p>
      </section>
      <QuotasPanel db={db()} clients={processClients()} />
      {accounts.length === 0 ? (
        <p role="status">
          No platform account yet: <Link href="/accounts/new">register one</Link> and verify it first.
        </p>
      ) : (
        <HubForm
          accounts={accounts.map((account) => ({
            id: account.id,
            alias: account.alias,
            accountId: account.accountId,
            regions: account.regions,
            verified: account.verifiedAt !== null,
          }))}
          hubs={hubs.map((hub) => ({ accountId: hub.accountId, region: hub.region, ...hubSettingsOf(hub) }))}
        />
      )}
      {migrations.length > 0 ? <HubMigrations hubs={migrations} /> : null}
    </>
  );
}
