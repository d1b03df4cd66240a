import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterAccountForm } from "./register-account-form";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts.register");
  return { title: t("title") };
}

export default async function RegisterAccountPage() {
  await pageAdmin();
  const [teams, t] = await Promise.all([
    db().team.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    getTranslations("accounts"),
  ]);
  return (
    <>
      <p>
        <Link href="/accounts">{t("back")}</Link>
      </p>
      <h1>{t("register.heading")}</h1>
      <p>{t("register.intro")}</p>
      <RegisterAccountForm teams={teams} />
    </>
  );
}
