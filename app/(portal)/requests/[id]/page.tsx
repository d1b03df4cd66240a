import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestView } from "./request-view";
import { ConsumerEndpointsPanel } from "@/components/requests/consumer-endpoints-panel";
import { RequestTopology } from "@/components/topology/request-topology";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getRequestDetails } from "@/lib/requests/request-details";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requestView");
  return { title: t("title") };
}

type Params = Promise<{ id: string }>;

export default async function RequestPage({ params }: { params: Params }) {
  const user = await pageUser();
  const { id } = await params;
  const details = await orNotFound(getRequestDetails(db(), user, id));
  return (
    <>
      <RequestView
        initial={details}
        topology={<RequestTopology requestId={details.id} canVerify={isPlatformAdmin(user)} />}
      />
      {isPlatformAdmin(user) && details.status === "active" ? (
        <ConsumerEndpointsPanel requestId={details.id} viewerId={user.id} />
      ) : null}
    </>
  );
}
