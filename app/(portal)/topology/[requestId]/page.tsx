import type { Metadata } from "next";
import Link from "next/link";
import { RequestTopology } from "@/components/topology/request-topology";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Request topology" };

export default async function RequestTopologyPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await pageUser();
  const { requestId } = await params;
  return (
    <>
      <p>
        <Link href="/topology">← Platform map</Link>
      </p>
      <h1>Request topology</h1>
      <RequestTopology requestId={requestId} canVerify={isPlatformAdmin(user)} />
    </>
  );
}
