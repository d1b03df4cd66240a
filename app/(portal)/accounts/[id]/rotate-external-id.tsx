"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";

/** Rotating the ExternalId breaks the current role's trust on purpose: the page then shows the template to update. */
export function RotateExternalId({ accountId, alias }: { accountId: string; alias: string }) {
  const router = useRouter();
  const t = useTranslations("accounts.rotate");
  const rotate = useMutation({
    mutationFn: () => callApi<{ externalId: string }>(`/api/accounts/${accountId}/external-id`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label={rotate.isPending ? t("pending") : t("label")}
        title={t("title", { alias })}
        confirmLabel={t("confirm")}
        disabled={rotate.isPending}
        onConfirm={() => rotate.mutate()}
      >
        <p>{t("explanation")}</p>
      </ConfirmButton>
      {rotate.error ? (
        <p role="alert" className="alert">
          {rotate.error.message}
        </p>
      ) : null}
    </>
  );
}
