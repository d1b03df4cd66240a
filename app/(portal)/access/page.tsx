import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessGrants } from "@/components/access/access-grants";
import { pageUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.mine");
  return { title: t("title") };
}

const myGrantsUrl = "/api/access";

// /access – the access the caller's teams hold to other teams' APIs, with each invoke URL.
export default async function MyAccessPage() {
  await pageUser();
  const t = await getTranslations("access.mine");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AccessGrants url={myGrantsUrl} title={t("grants")} />
    </>
  );
}
