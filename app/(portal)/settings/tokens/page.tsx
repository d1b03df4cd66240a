import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TokenManager } from "./token-manager";
import { pageUser } from "@/lib/auth/current-user";
import { tokenScopes } from "@/lib/api-tokens/token-scopes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  await pageUser();
  const t = await getTranslations("tokens");
  const intro = t.rich("intro", {
    link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
    code: (chunks) => <code>{chunks}</code>,
    header: "Authorization: Bearer <token>",
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{intro}</p>
      <TokenManager scopes={tokenScopes} />
    </>
  );
}
