"use client";

import { useTranslations } from "next-intl";
import { TopologyCanvas } from "./topology-canvas";
import { useTopology } from "./use-topology";
import { VerifyNow } from "./verify-now";
import type { TopologyResponse } from "@/lib/topology/load-topology";

/**
 * One request's link chain: the plan before approval, live during provisioning, verified afterwards. Platform admins
 * (canVerify, decided on the server) can verify an active chain on the spot.
 */
export function RequestTopology({ requestId, canVerify = false }: { requestId: string; canVerify?: boolean }) {
  const t = useTranslations("topology");
  const { data, error, isPending } = useTopology<TopologyResponse>(
    ["topology", requestId],
    `/api/topology?requestId=${encodeURIComponent(requestId)}`,
    2_000,
  );
  if (error) return <p className="alert">{error.message}</p>;
  if (isPending) return <p aria-live="polite">{t("loading")}</p>;
  const [exposure] = data.exposures;
  return (
    <>
      {canVerify && exposure?.status === "active" ? <VerifyNow requestId={requestId} /> : null}
      <TopologyCanvas graph={data.graph} title={t("canvasTitle", { name: exposure?.apiName ?? requestId })} />
    </>
  );
}
