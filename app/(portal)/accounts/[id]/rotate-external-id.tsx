"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";

/** Rotating the ExternalId breaks the current role's trust on purpose: the page then shows the template to update. */
export function RotateExternalId({ accountId, alias }: { accountId: string; alias: string }) {
  const router = useRouter();
  const rotate = useMutation({
    mutationFn: () => callApi<{ externalId: string }>(`/api/accounts/${accountId}/external-id`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label={rotate.isPending ? "Rotating…" : "Rotate ExternalId"}
        title={`Rotate the ExternalId of ${alias}?`}
        confirmLabel="Yes, rotate"
        disabled={rotate.isPending}
        onConfirm={() => rotate.mutate()}
      >
        <p>
          Gatehouse can no longer assume the current role, and the account is unverified, until you update its stack
          with the new template and verify again. Provisioning in this account stops working until then.
        </p>
      </ConfirmButton>
      {rotate.error ? (
        <p role="alert" className="alert">
          {rotate.error.message}
        </p>
      ) : null}
    </>
  );
}
