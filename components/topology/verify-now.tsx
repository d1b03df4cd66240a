"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { callApi } from "@/components/api-client";
import type { ChainVerification } from "@/lib/provisioning/verify/verify-chain";

/** A platform admin re-reads an active chain in AWS now; the topology then shows what the check found. */
export function VerifyNow({ requestId }: { requestId: string }) {
  const t = useTranslations("topology");
  const hops = useTranslations("hops");
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
        {verify.isPending ? t("verify.running") : t("verify.start")}
      </button>
      <span role="status" aria-label={t("verify.result")}>
        {verify.error
          ? verify.error.message
          : result
            ? result.healthy
              ? t("verify.healthy")
              : t("verify.brokenAt", {
                  hop: result.brokenHop
                    ? t("details.step", { title: hops(result.brokenHop), step: result.brokenHop })
                    : t("verify.someHop"),
                  reason: result.reason ?? t("verify.seeTopology"),
                })
            : null}
      </span>
    </div>
  );
}
