import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HubForm } from "./hub-form";
import { HubMigrations } from "./hub-migrations";
import { QuotasPanel } from "./quotas-panel";
import { processClients } from "@/lib/aws/process-clients";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { hubMigrationSummaries } from "@/lib/hubs/hub-migration-summary";
import { hubSettingsOf } from "@/lib/hubs/hub-settings";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hubs");
  return { title: t("title") };
}

export default async function HubPage() {
  await pageAdmin();
  const [accounts, hubs, migrations, t, accountsText] = await Promise.all([
    db().awsAccount.findMany({ where: { kind: "platform" }, orderBy: { alias: "asc" } }),
    db().platformHub.findMany(),
    hubMigrationSummaries(db()),
    getTranslations("hubs"),
    getTranslations("accounts"),
  ]);
  const intro = {
    back: accountsText("back"),
    linkModes: t.rich("linkModesIntro", { strong }),
    v1: t.rich("linkModeV1", { strong }),
    v2: t.rich("linkModeV2", { strong, code: (chunks) => <code>{chunks}</code> }),
    noPlatformAccount: t.rich("noPlatformAccount", { link: (chunks) => <Link href="/accounts/new">{chunks}</Link> }),
  };
  return (
    <>
      <p>
        <Link href="/accounts">{intro.back}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section>
        <h2>{t("linkModesHeading")}</h2>
        <p>{intro.linkModes}</p>
        <ul>
          <li>{intro.v1}</li>
          <li>{intro.v2}</li>
        </ul>
        <p>{t("linkModeChanges")}</p>
      </section>
      <QuotasPanel db={db()} clients={processClients()} />
      {accounts.length === 0 ? (
        <p role="status">{intro.noPlatformAccount}</p>
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
