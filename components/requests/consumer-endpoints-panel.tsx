"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import styles from "./consumer-endpoints-panel.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import type { ConsumerEndpointsWithPending } from "@/lib/provisioning/consumers/pending-consumer-change";

// For platform admins on an active exposure: the VPC endpoints of other VPCs or accounts that may call the private
// API besides the hub's, through /api/v1 (the same operation as automation). A change goes live when the worker has
// redeployed the stage; the panel follows it until then. Adding an endpoint no registered account owns waits for a
// second admin: the panel shows the pending change, with Approve (not to its proposer) and Reject.

/** An ID of the right shape, shown in the empty field. */
const exampleEndpointId = "vpce-0a1b2c3d4e5f60718";

export function ConsumerEndpointsPanel({ requestId, viewerId }: { requestId: string; viewerId: string }) {
  const t = useTranslations("consumerEndpoints");
  const format = useFormatter();
  const url = `/api/v1/requests/${requestId}/consumer-endpoints`;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const { data, error: loadError } = useQuery({
    queryKey: ["consumer-endpoints", requestId],
    queryFn: () => callApi<ConsumerEndpointsWithPending>(url),
    refetchInterval: (query) =>
      query.state.data && !query.state.data.inSync && !query.state.data.lastError ? 2_000 : false,
  });
  const save = useMutation({
    mutationFn: (vpcEndpointIds: string[]) =>
      callApi<ConsumerEndpointsWithPending>(url, { method: "PUT", body: { vpcEndpointIds } }),
    onSuccess: (view) => {
      queryClient.setQueryData(["consumer-endpoints", requestId], view);
      setDraft("");
    },
  });
  const decide = useMutation({
    mutationFn: (input: { changeId: string; decision: "approved" | "rejected" }) =>
      callApi<ConsumerEndpointsWithPending>(`${url}/changes/${input.changeId}`, {
        method: "POST",
        body: { decision: input.decision },
      }),
    onSuccess: (view) => queryClient.setQueryData(["consumer-endpoints", requestId], view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["consumer-endpoints", requestId] }),
  });
  const decisionButton = (changeId: string, decision: "approved" | "rejected") => (
    <button
      type="button"
      className={decision === "approved" ? "button primary" : "button"}
      disabled={decide.isPending}
      onClick={() => decide.mutate({ changeId, decision })}
    >
      {decision === "approved" ? t("approve") : t("reject")}
    </button>
  );
  const pending = data?.pendingChange ?? null;
  const mono = (chunks: ReactNode) => <span className="mono">{chunks}</span>;
  const onlyThrough = data && t.rich("onlyThrough", { hub: data.hubEndpointId, mono });
  const pendingExplanation =
    pending &&
    t.rich("pending.explanation", {
      proposer: pending.proposedBy.label,
      unregistered: pending.unregisteredEndpointIds.join(" "),
      list: pending.vpcEndpointIds.join(", "),
      mono,
    });
  const approveButton = (changeId: string) => decisionButton(changeId, "approved");
  const rejectButton = (changeId: string) => decisionButton(changeId, "rejected");
  const current = data?.vpcEndpointIds ?? [];
  const add = (event: FormEvent) => {
    event.preventDefault();
    save.mutate([...current, draft]);
  };
  const fieldErrors = save.error instanceof ApiFailure ? save.error.fieldErrors.vpcEndpointIds : undefined;

  return (
    <section className={styles.panel} aria-labelledby="consumer-endpoints-title">
      <h2 id="consumer-endpoints-title">{t("title")}</h2>
      {loadError ? <p className="alert">{loadError.message}</p> : null}
      {data ? (
        <>
          <p className={styles.muted}>{onlyThrough}</p>
          <ul className={styles.list} aria-label={t("listLabel")}>
            {current.map((id) => (
              <li key={id}>
                <span className="mono">{id}</span>
                <button
                  type="button"
                  className="button"
                  disabled={save.isPending}
                  onClick={() => save.mutate(current.filter((other) => other !== id))}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
            {current.length === 0 ? <li className={styles.muted}>{t("none")}</li> : null}
          </ul>
          <p role="status">
            {data.lastError
              ? null
              : data.inSync
                ? data.appliedAt
                  ? t("liveSince", { when: format.dateTime(new Date(data.appliedAt), "second") })
                  : t("live")
                : t("applying")}
          </p>
          {data.lastError ? (
            <div className="alert" role="alert">
              <p>
                {t("notApplied", {
                  error: data.lastError.awsError
                    ? `${data.lastError.awsError}: ${data.lastError.message}`
                    : data.lastError.message,
                })}
              </p>
              <p>{data.lastError.fix}</p>
              <button type="button" className="button" disabled={save.isPending} onClick={() => save.mutate(current)}>
                {t("applyAgain")}
              </button>
            </div>
          ) : null}
          {pending ? (
            <div className="alert" role="group" aria-label={t("pending.label")}>
              <p>{pendingExplanation}</p>
              {pending.proposedBy.id === viewerId ? (
                <p className={styles.muted}>{t("pending.ownProposal")}</p>
              ) : (
                approveButton(pending.id)
              )}{" "}
              {rejectButton(pending.id)}
              {decide.error ? <p>{decide.error.message}</p> : null}
            </div>
          ) : null}
          <form className={styles.add} onSubmit={add}>
            <Field id="consumer-endpoint" label={t("add.label")} hint={t("add.hint")} errors={fieldErrors}>
              {(aria) => (
                <input
                  {...aria}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  placeholder={exampleEndpointId}
                />
              )}
            </Field>
            <button
              type="submit"
              className="button primary"
              disabled={save.isPending || pending !== null || draft.trim() === ""}
            >
              {t("add.button")}
            </button>
          </form>
          {save.error && !fieldErrors ? <p className="alert">{save.error.message}</p> : null}
        </>
      ) : null}
    </section>
  );
}
