import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { preload } from "react-dom";
import { PlatformMap } from "@/components/topology/platform-map";
import { pageUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("topology");
  return { title: t("title") };
}

export default async function TopologyPage() {
  await pageUser();
  const t = await getTranslations("topology");
  // The map's data starts loading with the page, not after its scripts have run.
  preload("/api/topology", { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <PlatformMap />
    </>
  );
}
