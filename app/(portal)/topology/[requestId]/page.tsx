import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestTopology } from "@/components/topology/request-topology";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { topologyScopeWhere } from "@/lib/topology/topology-scope";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("topology");
  return { title: t("requestTitle") };
}

export default async function RequestTopologyPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await pageUser();
  const { requestId } = await params;
  // Another team's chain does not exist for this user (as its API answers 404).
  if ((await db().exposureRequest.count({ where: { AND: [{ id: requestId }, topologyScopeWhere(user)] } })) === 0)
    notFound();
  const t = await getTranslations("topology");
  return (
    <>
      <p>
        <Link href="/topology">{t("backToMap")}</Link>
      </p>
      <h1>{t("requestTitle")}</h1>
      <RequestTopology requestId={requestId} canVerify={isPlatformAdmin(user)} />
    </>
  );
}
