import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestView } from "./request-view";
import { ConsumerEndpointsPanel } from "@/components/requests/consumer-endpoints-panel";
import { RequestTopology } from "@/components/topology/request-topology";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getRequestDetails } from "@/lib/requests/request-details";

export const metadata: Metadata = { title: "Request" };

type Params = Promise<{ id: string }>;

export default async function RequestPage({ params }: { params: Params }) {
  const user = await pageUser();
  const { id } = await params;
  const details = await getRequestDetails(db(), user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
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
