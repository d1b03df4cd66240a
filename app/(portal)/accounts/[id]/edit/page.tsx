import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditAccountForm } from "./edit-account-form";
import { accountView } from "@/lib/accounts/account-views";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Edit account" };

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  await pageAdmin();
  const { id } = await params;
  const [record, teams] = await Promise.all([
    db().awsAccount.findUnique({ where: { id }, include: { owningTeam: true } }),
    db().team.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
  ]);
  if (!record) notFound();
  const account = accountView(record);
  return (
    <>
      <p>
        <Link href={`/accounts/${account.id}`}>← {account.alias}</Link>
      </p>
      <h1>
        Edit {account.alias} <span className="mono">({account.accountId})</span>
      </h1>
      <p>The account ID and kind ({account.kind}) stay as registered. The ExternalId is rotated on the account page.</p>
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
