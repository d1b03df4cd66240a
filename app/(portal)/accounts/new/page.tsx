import type { Metadata } from "next";
import Link from "next/link";
import { RegisterAccountForm } from "./register-account-form";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Register an account" };

export default async function RegisterAccountPage() {
  await pageAdmin();
  const teams = await db().team.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } });
  return (
    <>
      <p>
        <Link href="/accounts">← Accounts</Link>
      </p>
      <h1>Register an AWS account</h1>
      <p>
        Gatehouse generates a unique ExternalId for the account and shows the role to create in it. Nothing is changed
        in AWS until you create that role.
      </p>
      <RegisterAccountForm teams={teams} />
    </>
  );
}
