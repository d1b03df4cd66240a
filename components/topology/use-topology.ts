"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { TopologyResponse } from "@/lib/topology/load-topology";

/**
 * The topology from the API, polled while a shown chain is still changing: a request's chain every 2 s, the platform
 * map every 5 s. Polls send the ETag they have; an unchanged topology comes back as 304 and keeps the same data object,
 * so nothing is parsed, laid out or drawn again.
 */
export function useTopology(requestId?: string) {
  const t = useTranslations("topology");
  const queryClient = useQueryClient();
  const etag = useRef<string | undefined>(undefined);
  const queryKey = ["topology", requestId ?? "platform"];
  return useQuery({
    queryKey,
    queryFn: async (): Promise<TopologyResponse> => {
      const previous = queryClient.getQueryData<TopologyResponse>(queryKey);
      // The first load is a plain GET, so it can use the request the page preloaded (app/(portal)/topology/page.tsx).
      const response = await fetch(
        requestId ? `/api/topology?requestId=${encodeURIComponent(requestId)}` : "/api/topology",
        previous && etag.current ? { cache: "no-store", headers: { "if-none-match": etag.current } } : undefined,
      );
      if (response.status === 304 && previous) return previous;
      const body: unknown = await response.json();
      if (!response.ok)
        throw new Error((body as { message?: string }).message ?? t("loadFailed", { status: response.status }));
      etag.current = response.headers.get("etag") ?? undefined;
      return body as TopologyResponse;
    },
    refetchInterval: (query) => (query.state.data?.inFlight ? (requestId ? 2_000 : 5_000) : false),
  });
}
