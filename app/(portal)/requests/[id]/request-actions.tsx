"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import styles from "../requests.module.css";
import layout from "@/components/page-layout.module.css";
import { MoveToHub } from "./move-to-hub";
import { Section } from "./request-section";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";
import { TranslatedText } from "@/components/translated-text";
import type { TestInvokeResult } from "@/lib/provisioning/verify/test-invoke";
import type { RequestDetails } from "@/lib/requests/request-details";

// What the team and the admins do on the request page: retry or roll back a failed run, run it again after the
// rollback, test invoke, withdraw and request decommission. Each action posts once and refreshes the page's data.

/** Posts to /api/{path} and refreshes the request. */
export function useRequestAction(requestId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) => callApi<unknown>(`/api/${path}`, { method: "POST", body: body ?? {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["request", requestId] }),
  });
}

type RequestAction = ReturnType<typeof useRequestAction>;

/** A button that posts its action once: disabled while the call is in flight. */
export function ActionButton({
  action,
  className,
  children,
}: {
  action: RequestAction;
  className: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className={className} disabled={action.isPending} onClick={() => action.mutate(undefined)}>
      {children}
    </button>
  );
}

export function FailurePanel({ request }: { request: RequestDetails }) {
  const t = useTranslations("requestView.failure");
  const retry = useRequestAction(request.id, `requests/${request.id}/retry`);
  const rollback = useRequestAction(request.id, `requests/${request.id}/rollback`);
  const failure = request.failure;
  if (!failure) return null;
  return (
    <div className={`${styles.failure} ${styles.section}`} role="alert">
      <p>
        <strong>{t("failedAt", { hop: failure.hop })}</strong>
        {failure.awsError ? <> · {t("awsError", { code: failure.awsError })}</> : null}
      </p>
      <p>{failure.message}</p>
      {failure.fix ? (
        <p>{t.rich("fix", { fix: () => <TranslatedText message={failure.fixMessage ?? failure.fix ?? ""} /> })}</p>
      ) : null}
      {request.can.retry || request.can.rollback ? (
        <div className={layout.actions}>
          {request.can.retry ? (
            <ActionButton action={retry} className="button primary">
              {t("retry")}
            </ActionButton>
          ) : null}
          {request.can.rollback ? (
            <ActionButton action={rollback} className={`button ${styles.danger}`}>
              {t("rollback")}
            </ActionButton>
          ) : null}
        </div>
      ) : null}
      {retry.error || rollback.error ? <p>{(retry.error ?? rollback.error)?.message}</p> : null}
    </div>
  );
}

export function TeamActions({ request }: { request: RequestDetails }) {
  const t = useTranslations("requestView.actions");
  const withdraw = useRequestAction(request.id, `requests/${request.id}/withdraw`);
  const rerun = useRequestAction(request.id, `requests/${request.id}/rerun`);
  const decommission = useRequestAction(request.id, `requests/${request.id}/decommission`);
  const migrate = useRequestAction(request.id, `requests/${request.id}/migrate`);
  const invoke = useMutation({
    mutationFn: () =>
      callApi<TestInvokeResult>(`/api/requests/${request.id}/test-invoke`, { method: "POST", body: {} }),
  });
  const { can } = request;
  if (!can.withdraw && !can.rerun && !can.decommission && !can.migrate && !can.testInvoke && can.moveTo.length === 0)
    return null;
  const error = withdraw.error ?? rerun.error ?? decommission.error ?? migrate.error;
  const invokeAnswer =
    invoke.data &&
    t.rich("invokeAnswer", {
      status: invoke.data.status,
      latency: invoke.data.latencyMs,
      method: invoke.data.httpMethod,
      strong: (chunks) => <strong>{chunks}</strong>,
    });
  return (
    <Section title={t("title")}>
      {can.rerun ? <p role="note">{t("rolledBack")}</p> : null}
      <div className={layout.actions}>
        {can.rerun ? (
          <ActionButton action={rerun} className="button primary">
            {t("rerun")}
          </ActionButton>
        ) : null}
        {request.can.testInvoke ? (
          <button type="button" className="button primary" disabled={invoke.isPending} onClick={() => invoke.mutate()}>
            {invoke.isPending ? t("invoking") : t("testInvoke")}
          </button>
        ) : null}
        {request.can.withdraw ? (
          <ActionButton action={withdraw} className="button">
            {t("withdraw")}
          </ActionButton>
        ) : null}
        {request.can.migrate ? (
          <ConfirmButton
            label={t("migrate")}
            title={t("migrateTitle", { apiName: request.apiName })}
            confirmLabel={t("migrateConfirm")}
            onConfirm={() => migrate.mutate(undefined)}
          >
            <p>{t("migrateExplanation")}</p>
          </ConfirmButton>
        ) : null}
        <MoveToHub request={request} />
        {request.can.decommission ? (
          <ConfirmButton
            label={t("decommission")}
            title={t("decommissionTitle", { apiName: request.apiName })}
            confirmLabel={t("decommissionConfirm")}
            onConfirm={() => decommission.mutate(undefined)}
          >
            <p>{t("decommissionExplanation")}</p>
          </ConfirmButton>
        ) : null}
      </div>
      {invoke.data ? (
        <div aria-label={t("invokeResult")} role="region">
          <p>{invokeAnswer}</p>
          <pre className={styles.result}>{invoke.data.body}</pre>
        </div>
      ) : null}
      {invoke.error ? <p className="alert">{invoke.error.message}</p> : null}
      {error ? <p className="alert">{error.message}</p> : null}
    </Section>
  );
}
