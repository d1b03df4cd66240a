import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestWizard } from "./request-wizard";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { wizardOptions } from "@/lib/requests/wizard-options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wizard");
  return { title: t("title") };
}

export default async function NewRequestPage() {
  const user = await pageUser();
  const [options, t] = await Promise.all([wizardOptions(db(), user), getTranslations("wizard")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <RequestWizard options={options} />
    </>
  );
}
