import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AccessGrants } from "@/components/access/access-grants";
import { AccessRequestForm } from "@/components/access/access-request-form";
import { ApiAuthorizationChoice } from "@/components/access/api-authorization-choice";
import { accessPageOf } from "@/lib/access/access-page";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("pageTitle") };
}

type Params = Promise<{ id: string }>;

// /catalog/:id/access – ask for access to an exposure, and the grants of it each viewer may see (the owning
// team decides and revokes here; the consumer finds its invoke URL).
export default async function AccessPage({ params }: { params: Params }) {
  const user = await pageUser();
  const { id } = await params;
  const page = await accessPageOf(db(), user, id);
  if (!page) notFound();
  const { exposure } = page;
  const t = await getTranslations("access");
  return (
    <>
      <h1>{t("title", { apiName: exposure.apiName, stage: exposure.stageName })}</h1>
      <p>{t("intro", { team: exposure.team, region: page.region })}</p>
      {page.mayChooseAuthorization ? (
        <ApiAuthorizationChoice requestId={exposure.id} initial={page.authorization} />
      ) : null}
      <h2>{t("requestAccess")}</h2>
      <AccessRequestForm requestId={exposure.id} accounts={page.accounts} />
      <AccessGrants url={`/api/requests/${exposure.id}/access`} title={t("consumers")} />
    </>
  );
}
