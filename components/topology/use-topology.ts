"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";

/**
 * A topology from the API (`url`: a request's chain, the platform map or some of its groups' detail), polled every
 * `pollMs` while a shown chain is still changing. `queryKey` is what others invalidate: ["topology", <request id>]
 * after a verify, ["topology", "platform", …] for the map. Polls send the ETag they have; an unchanged topology comes back as
 * 304 and keeps the same data object, so nothing is parsed, laid out or drawn again.
 */
export function useTopology<T extends { inFlight: boolean }>(queryKey: readonly string[], url: string, pollMs: number) {
  const t = useTranslations("topology");
  const queryClient = useQueryClient();
  const etags = useRef(new Map<string, string>());
  return useQuery({
    queryKey,
    queryFn: async (): Promise<T> => {
      const previous = queryClient.getQueryData<T>(queryKey);
      const etag = etags.current.get(url);
      // The first load is a plain GET, so it can use the request the page preloaded (app/(portal)/topology/page.tsx).
      const response = await fetch(
        url,
        previous && etag ? { cache: "no-store", headers: { "if-none-match": etag } } : undefined,
      );
      if (response.status === 304 && previous) return previous;
      const body: unknown = await response.json();
      if (!response.ok)
        throw new Error((body as { message?: string }).message ?? t("loadFailed", { status: response.status }));
      const received = response.headers.get("etag");
      if (received) etags.current.set(url, received);
      return body as T;
    },
    refetchInterval: (query) => (query.state.data?.inFlight ? pollMs : false),
  });
}
