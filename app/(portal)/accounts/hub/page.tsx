import type { Metadata } from "next";
import Link from "next/link";
import { HubForm } from "./hub-form";
import { HubMigrations } from "./hub-migrations";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { hubMigrationSummaries } from "@/lib/hubs/hub-migration-summary";

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
        the private REST APIs reached through its execute-api endpoint. One hub per platform account and region.
      </p>
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
          hubs={hubs.map((hub) => ({
            accountId: hub.accountId,
            region: hub.region,
            vpcId: hub.vpcId,
            subnetIds: hub.subnetIds,
            securityGroupIds: hub.securityGroupIds,
            executeApiEndpointId: hub.executeApiEndpointId,
            linkMode: hub.linkMode,
          }))}
        />
      )}
      {migrations.length > 0 ? <HubMigrations hubs={migrations} /> : null}
    </>
  );
}
