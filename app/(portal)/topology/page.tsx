import type { Metadata } from "next";
import { PlatformMap } from "@/components/topology/platform-map";
import { pageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Topology" };

export default async function TopologyPage() {
  await pageUser();
  return (
    <>
      <h1>Topology</h1>
      <p>Every active and in-flight exposure, drawn from what Gatehouse created and last verified in AWS.</p>
      <PlatformMap />
    </>
  );
}
