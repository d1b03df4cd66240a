"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";

/** Drains a hub (no new placements) or returns it to placement; exposures already on it are untouched. */
export function DrainHubButton({ hubId, label, drained }: { hubId: string; label: string; drained: boolean }) {
  const router = useRouter();
  const drain = useMutation({
    mutationFn: () => callApi(`/api/hubs/${hubId}/drain`, { method: "POST", body: { drained: !drained } }),
    onSuccess: () => router.refresh(),
  });
  const action = drained ? "Resume placements" : "Drain";
  return (
    <>
      <ConfirmButton
        label={drain.isPending ? "Saving…" : `${action} ${label}`}
        title={drained ? `Resume placements on ${label}?` : `Drain ${label}?`}
        confirmLabel={drained ? "Yes, resume" : "Yes, drain"}
        disabled={drain.isPending}
        onConfirm={() => drain.mutate()}
      >
        <p>
          {drained
            ? "Gatehouse may place new exposures on this hub again when it has the most headroom."
            : "Gatehouse places no new exposure on this hub, and requesters can no longer choose it. Exposures already on it keep running until they are moved or decommissioned."}
        </p>
      </ConfirmButton>
      {drain.error ? (
        <p role="alert" className="alert">
          {drain.error.message}
        </p>
      ) : null}
    </>
  );
}
