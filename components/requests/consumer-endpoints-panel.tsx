"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import styles from "./consumer-endpoints-panel.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import type { ConsumerEndpointsWithPending } from "@/lib/provisioning/consumers/pending-consumer-change";

// For platform admins on an active exposure: the VPC endpoints of other VPCs or accounts that may call the private
// API besides the hub's, through /api/v1 (the same operation as automation). A change goes live when the worker has
// redeployed the stage; the panel follows it until then. Adding an endpoint no registered account owns waits for a
// second admin: the panel shows the pending change, with Approve (not to its proposer) and Reject.

export function ConsumerEndpointsPanel({ requestId, viewerId }: { requestId: string; viewerId: string }) {
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
      {decision === "approved" ? "Approve" : "Reject"}
    </button>
  );
  const pending = data?.pendingChange ?? null;
  const current = data?.vpcEndpointIds ?? [];
  const add = (event: FormEvent) => {
    event.preventDefault();
    save.mutate([...current, draft]);
  };
  const fieldErrors = save.error instanceof ApiFailure ? save.error.fieldErrors.vpcEndpointIds : undefined;

  return (
    <section className={styles.panel} aria-labelledby="consumer-endpoints-title">
      <h2 id="consumer-endpoints-title">Consumer endpoints</h2>
      {loadError ? <p className="alert">{loadError.message}</p> : null}
      {data ? (
        <>
          <p className={styles.muted}>
            Calls are allowed only through these VPC endpoints. <span className="mono">{data.hubEndpointId}</span> (the
            hub) always is.
          </p>
          <ul className={styles.list} aria-label="Allowed consumer endpoints">
            {current.map((id) => (
              <li key={id}>
                <span className="mono">{id}</span>
                <button
                  type="button"
                  className="button"
                  disabled={save.isPending}
                  onClick={() => save.mutate(current.filter((other) => other !== id))}
                >
                  Remove
                </button>
              </li>
            ))}
            {current.length === 0 ? (
              <li className={styles.muted}>No consumer endpoints: only the hub may call.</li>
            ) : null}
          </ul>
          <p role="status">
            {data.lastError
              ? null
              : data.inSync
                ? `Live${data.appliedAt ? ` since ${data.appliedAt.slice(0, 19).replace("T", " ")} UTC` : ""}.`
                : "Applying: the policy is updated and the stage redeployed…"}
          </p>
          {data.lastError ? (
            <div className="alert" role="alert">
              <p>
                Not applied: {data.lastError.awsError ? `${data.lastError.awsError}: ` : ""}
                {data.lastError.message}
              </p>
              <p>{data.lastError.fix}</p>
              <button type="button" className="button" disabled={save.isPending} onClick={() => save.mutate(current)}>
                Apply again
              </button>
            </div>
          ) : null}
          {pending ? (
            <div className="alert" role="group" aria-label="Change waiting for a second admin">
              <p>
                Waiting for a second admin: {pending.proposedBy.label} proposed allowing{" "}
                {pending.unregisteredEndpointIds.map((id) => (
                  <span key={id} className="mono">
                    {id}{" "}
                  </span>
                ))}
                , which no registered account owns. The list would become{" "}
                <span className="mono">{pending.vpcEndpointIds.join(", ")}</span>.
              </p>
              {pending.proposedBy.id === viewerId ? (
                <p className={styles.muted}>You proposed this change; another platform admin approves it.</p>
              ) : (
                decisionButton(pending.id, "approved")
              )}{" "}
              {decisionButton(pending.id, "rejected")}
              {decide.error ? <p>{decide.error.message}</p> : null}
            </div>
          ) : null}
          <form className={styles.add} onSubmit={add}>
            <Field
              id="consumer-endpoint"
              label="Add a VPC endpoint"
              hint="vpce- and 8 or 17 hexadecimal digits"
              errors={fieldErrors}
            >
              {(aria) => (
                <input
                  {...aria}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  placeholder="vpce-0a1b2c3d4e5f60718"
                />
              )}
            </Field>
            <button
              type="submit"
              className="button primary"
              disabled={save.isPending || pending !== null || draft.trim() === ""}
            >
              Add
            </button>
          </form>
          {save.error && !fieldErrors ? <p className="alert">{save.error.message}</p> : null}
        </>
      ) : null}
    </section>
  );
}
