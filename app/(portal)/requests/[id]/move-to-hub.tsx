"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRequestAction } from "./request-actions";
import { ConfirmButton } from "@/components/confirm-dialog";
import type { RequestDetails } from "@/lib/requests/request-details";

// A platform admin asks to move an active exposure to another hub of its region; another admin approves it.

export function MoveToHub({ request }: { request: RequestDetails }) {
  const t = useTranslations("requestView.move");
  const move = useRequestAction(request.id, `requests/${request.id}/move`);
  const [hubId, setHubId] = useState(request.can.moveTo[0]?.id ?? "");
  if (request.can.moveTo.length === 0) return null;
  return (
    <>
      <label>
        {t("targetHub")}{" "}
        <select value={hubId} onChange={(event) => setHubId(event.target.value)}>
          {request.can.moveTo.map((hub) => (
            <option key={hub.id} value={hub.id}>
              {hub.label}
            </option>
          ))}
        </select>
      </label>
      <ConfirmButton
        label={t("button")}
        title={t("confirmTitle", { apiName: request.apiName })}
        confirmLabel={t("confirm")}
        onConfirm={() => move.mutate({ hubId })}
      >
        <p>{t("explanation")}</p>
      </ConfirmButton>
      {move.error ? <p className="alert">{move.error.message}</p> : null}
    </>
  );
}
