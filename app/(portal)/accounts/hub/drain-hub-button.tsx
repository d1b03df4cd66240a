"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";

/** Drains a hub (no new placements) or returns it to placement; exposures already on it are untouched. */
export function DrainHubButton({ hubId, label, drained }: { hubId: string; label: string; drained: boolean }) {
  const router = useRouter();
  const t = useTranslations("hubs.drain");
  const drain = useMutation({
    mutationFn: () => callApi(`/api/hubs/${hubId}/drain`, { method: "POST", body: { drained: !drained } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label={drain.isPending ? t("pending") : t(drained ? "resume" : "drain", { label })}
        title={t(drained ? "resumeTitle" : "drainTitle", { label })}
        confirmLabel={t(drained ? "confirmResume" : "confirmDrain")}
        disabled={drain.isPending}
        onConfirm={() => drain.mutate()}
      >
        <p>{t(drained ? "resumeExplanation" : "drainExplanation")}</p>
      </ConfirmButton>
      {drain.error ? (
        <p role="alert" className="alert">
          {drain.error.message}
        </p>
      ) : null}
    </>
  );
}
