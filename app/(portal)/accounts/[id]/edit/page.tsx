import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EditAccountForm } from "./edit-account-form";
import { accountView } from "@/lib/accounts/account-views";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.edit");
  return { title: t("title") };
}

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  await pageAdmin();
  const { id } = await params;
  const [record, teams, t] = await Promise.all([
    db().awsAccount.findUnique({ where: { id }, include: { owningTeam: true } }),
    db().team.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    getTranslations("accounts"),
  ]);
  if (!record) notFound();
  const account = accountView(record);
  return (
    <>
      <p>
        <Link href={`/accounts/${account.id}`}>{t("edit.back", { alias: account.alias })}</Link>
      </p>
      <h1>
        {t("edit.heading", { alias: account.alias })} <span className="mono">({account.accountId})</span>
      </h1>
      <p>{t("edit.intro", { kind: t(`kinds.${account.kind}`) })}</p>
      <EditAccountForm
        teams={teams}
        account={{
          id: account.id,
          kind: account.kind,
          alias: account.alias,
          owningTeamId: account.owningTeam.id,
          regions: account.regions.join(", "),
          roleName: account.roleName,
          verified: account.verifiedAt !== null,
        }}
      />
    </>
  );
}
