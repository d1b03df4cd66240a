"use client";

import { TopologyCanvas } from "./topology-canvas";
import { useTopology } from "./use-topology";

/** One request's link chain: the plan before approval, live during provisioning, verified afterwards. */
export function RequestTopology({ requestId }: { requestId: string }) {
  const { data, error, isPending } = useTopology(requestId);
  if (error) return <p className="alert">{error.message}</p>;
  if (isPending) return <p aria-live="polite">Loading the topology…</p>;
  const [exposure] = data.exposures;
  return <TopologyCanvas graph={data.graph} title={`Topology of ${exposure?.apiName ?? requestId}`} />;
}
