import type { Metadata } from "next";
import { preload } from "react-dom";
import { PlatformMap } from "@/components/topology/platform-map";
import { pageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Topology" };

export default async function TopologyPage() {
  await pageUser();
  // The map's data starts loading with the page, not after its scripts have run.
  preload("/api/topology", { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      <h1>Topology</h1>
      <p>Every active and in-flight exposure, drawn from what Gatehouse created and last verified in AWS.</p>
      <PlatformMap />
    </>
  );
}
