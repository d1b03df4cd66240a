import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { pageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Topology" };

export default async function TopologyPage() {
  await pageUser();
  return (
    <>
      <h1>Topology</h1>
      <EmptyState title="No exposures to draw yet">
        <p>
          Every exposure&apos;s link chain will be drawn here live: consumer VPC → execute-api endpoint → private REST API
          → VPC link → platform NLB → PrivateLink or transit gateway → your service, with each hop&apos;s state.
        </p>
      </EmptyState>
    </>
  );
}
