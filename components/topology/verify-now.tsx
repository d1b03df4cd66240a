"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/components/api-client";
import { hopTitles } from "@/lib/provisioning/hops/hop-titles";
import type { ChainVerification } from "@/lib/provisioning/verify/verify-chain";

/** A platform admin re-reads an active chain in AWS now; the topology then shows what the check found. */
export function VerifyNow({ requestId }: { requestId: string }) {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => callApi<ChainVerification>(`/api/requests/${requestId}/verify`, { method: "POST", body: {} }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["topology", requestId] }),
        queryClient.invalidateQueries({ queryKey: ["request", requestId] }),
      ]),
  });
  const result = verify.data;
  return (
    <div className="topology-verify">
      <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? "Verifying…" : "Verify now"}
      </button>
      <span role="status" aria-label="Verify result">
        {verify.error
          ? verify.error.message
          : result
            ? result.healthy
              ? "Every hop is healthy."
              : `Broken at ${result.brokenHop ? `${hopTitles[result.brokenHop]} (${result.brokenHop})` : "a hop"}: ${result.reason ?? "see the topology."}`
            : null}
      </span>
    </div>
  );
}
