"use client";

import { useQuery } from "@tanstack/react-query";
import type { TopologyResponse } from "@/lib/topology/load-topology";

/** The topology from the API, polled every 2 s while a shown chain is still changing. */
export function useTopology(requestId?: string) {
  return useQuery({
    queryKey: ["topology", requestId ?? "platform"],
    queryFn: async (): Promise<TopologyResponse> => {
      const response = await fetch(
        requestId ? `/api/topology?requestId=${encodeURIComponent(requestId)}` : "/api/topology",
      );
      const body: unknown = await response.json();
      if (!response.ok)
        throw new Error(
          (body as { message?: string }).message ?? `The topology could not be loaded (${response.status}).`,
        );
      return body as TopologyResponse;
    },
    refetchInterval: (query) => (query.state.data?.inFlight ? 2_000 : false),
  });
}
