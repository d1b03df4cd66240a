"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { PlanPreview, StatusBadge } from "../plan-preview";
import styles from "../requests.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import type { TestInvokeResult } from "@/lib/provisioning/verify/test-invoke";
import type { RequestDetails } from "@/lib/requests/request-details";

// The request page: live while a run is in flight (polled JSON, no reloads), with the outputs, the team's actions
// (test invoke, withdraw, decommission), the approver's decision and, for a failed run, the hop, error and fix.

// While a run is in flight the page follows it closely; while a decision or a retry is awaited it notices it.
const pollEveryMs: Record<string, number> = {
  approved: 2_000,
  provisioning: 2_000,
  decommissioning: 2_000,
  pending_approval: 4_000,
  decommission_pending: 4_000,
  failed: 4_000,
};

const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace("T", " ") : "—");

function useRequestAction(requestId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) => callApi<unknown>(`/api/${path}`, { method: "POST", body: body ?? {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["request", requestId] }),
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function RequestView({ initial, topology }: { initial: RequestDetails; topology: ReactNode }) {
  const { data: request } = useQuery({
    queryKey: ["request", initial.id],
    queryFn: () => callApi<RequestDetails>(`/api/requests/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => pollEveryMs[query.state.data?.status ?? ""] ?? false,
  });
  const run = request.runs.at(-1);

  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <h1>
          {request.apiName} <span className="mono">/{request.stageName}</span>
        </h1>
        <span role="status" aria-label="Request status">
          <StatusBadge status={request.status} />
        </span>
      </div>
      <dl className={styles.details}>
        <dt>Team</dt>
        <dd>{request.team.name}</dd>
        <dt>Requested by</dt>
        <dd>
          {request.requester.name} on {when(request.createdAt)} UTC
        </dd>
        <dt>Source</dt>
        <dd>
          {request.scenario === "cross_account_nlb" ? (
            <>
              NLB <span className="mono">{request.source.loadBalancerArn}</span> in {request.source.accountId}
            </>
          ) : (
            <>
              {request.source.networkName}: <span className="mono">{request.source.ips.join(", ")}</span>
            </>
          )}{" "}
          port {request.port}
        </dd>
        <dt>Hub</dt>
        <dd>
          {request.region}, link mode {request.linkMode}
        </dd>
        {request.basePath ? (
          <>
            <dt>Base path</dt>
            <dd className="mono">/{request.basePath}</dd>
          </>
        ) : null}
        {request.corsAllowOrigins.length > 0 ? (
          <>
            <dt>CORS origins</dt>
            <dd className="mono">{request.corsAllowOrigins.join(", ")}</dd>
          </>
        ) : null}
        <dt>Justification</dt>
        <dd>{request.justification}</dd>
      </dl>

      {request.failure ? <FailurePanel request={request} /> : null}
      {request.can.decide ? <DecisionPanel request={request} kind={request.can.decide} /> : null}
      {request.can.decideRefusal ? <p className="alert">{request.can.decideRefusal}</p> : null}
      <TeamActions request={request} />

      {request.invokeUrls.length > 0 ? (
        <Section title="Invoke URLs">
          <ul className={styles.urls}>
            {request.invokeUrls.map((url) => (
              <li key={url}>
                <code>{url}</code>
                <CopyButton text={url} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {run ? (
        <Section
          title={`${run.kind === "provision" ? "Provisioning" : run.kind === "rollback" ? "Rollback" : "Decommission"}: ${run.status}`}
        >
          <DataTable
            caption="Steps of the latest run"
            columns={["Step", "Status", "Started (UTC)", "Finished (UTC)", "Attempts"]}
          >
            {run.steps.map((step) => (
              <tr key={step.stepId} data-step={step.stepId}>
                <td>
                  {step.title}
                  {step.waitingFor ? <div className={styles.muted}>{step.waitingFor}</div> : null}
                </td>
                <td>
                  <StatusBadge status={step.status} />
                </td>
                <td className="mono nowrap">{when(step.startedAt)}</td>
                <td className="mono nowrap">{when(step.finishedAt)}</td>
                <td>{step.attempts}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}

      {request.resources.length > 0 ? (
        <Section title="Resources">
          <DataTable caption="AWS resources this request created" columns={["Kind", "Identifier", "Account", "State"]}>
            {request.resources.map((resource) => (
              <tr key={resource.identifier}>
                <td>{resource.kind}</td>
                <td className="mono">
                  {resource.consoleUrl ? (
                    <a href={resource.consoleUrl} target="_blank" rel="noreferrer">
                      {resource.identifier}
                    </a>
                  ) : (
                    resource.identifier
                  )}
                </td>
                <td className="mono">{resource.accountId}</td>
                <td>{resource.deleted ? "deleted" : "present"}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}

      <Section title="Topology">{topology}</Section>

      <Section title="Timeline">
        <ol className={styles.timeline}>
          {request.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span className="mono">{when(entry.at)}</span>
              <span>
                {entry.label}
                {entry.actor ? <span className={styles.muted}> · {entry.actor}</span> : null}
                {entry.detail ? <span className={styles.muted}> · “{entry.detail}”</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </Section>

      {request.plan ? (
        <Section title="Plan (as approved)">
          <PlanPreview plan={request.plan} />
        </Section>
      ) : null}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button"
      aria-label={`Copy ${text}`}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function FailurePanel({ request }: { request: RequestDetails }) {
  const retry = useRequestAction(request.id, `requests/${request.id}/retry`);
  const rollback = useRequestAction(request.id, `requests/${request.id}/rollback`);
  const failure = request.failure;
  if (!failure) return null;
  return (
    <div className={`${styles.failure} ${styles.section}`} role="alert">
      <p>
        <strong>Failed at {failure.hop}</strong>
        {failure.awsError ? <> · AWS error {failure.awsError}</> : null}
      </p>
      <p>{failure.message}</p>
      {failure.fix ? <p>Fix: {failure.fix}</p> : null}
      {request.can.retry || request.can.rollback ? (
        <div className={styles.actions}>
          {request.can.retry ? (
            <button
              type="button"
              className="button primary"
              disabled={retry.isPending}
              onClick={() => retry.mutate(undefined)}
            >
              Retry from the failed step
            </button>
          ) : null}
          {request.can.rollback ? (
            <button
              type="button"
              className={`button ${styles.danger}`}
              disabled={rollback.isPending}
              onClick={() => rollback.mutate(undefined)}
            >
              Roll back
            </button>
          ) : null}
        </div>
      ) : null}
      {retry.error || rollback.error ? <p>{(retry.error ?? rollback.error)?.message}</p> : null}
    </div>
  );
}

function DecisionPanel({ request, kind }: { request: RequestDetails; kind: "exposure" | "decommission" }) {
  const [comment, setComment] = useState("");
  const [invalid, setInvalid] = useState<string | undefined>();
  const decide = useRequestAction(request.id, `approvals/${request.id}`);
  const send = (decision: "approved" | "rejected") => {
    const parsed = decisionSchema.safeParse({ kind, decision, comment: comment || undefined });
    setInvalid(parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join(" "));
    if (parsed.success) decide.mutate(parsed.data);
  };
  const error =
    invalid ??
    (decide.error instanceof ApiFailure
      ? (decide.error.fieldErrors.comment?.join(" ") ?? decide.error.message)
      : decide.error?.message);
  const blockers = request.plan?.checks.filter((check) => check.status === "blocker").length ?? 0;
  return (
    <Section title={kind === "exposure" ? "Your decision" : "Decommission: your decision"}>
      {blockers > 0 ? <p className="alert">The plan had {blockers} blocker(s) when it was submitted.</p> : null}
      <label htmlFor="decision-comment">Comment (required to reject)</label>
      <textarea
        id="decision-comment"
        className={styles.comment}
        value={comment}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className={styles.actions}>
        <button type="button" className="button primary" disabled={decide.isPending} onClick={() => send("approved")}>
          Approve
        </button>
        <button
          type="button"
          className={`button ${styles.danger}`}
          disabled={decide.isPending}
          onClick={() => send("rejected")}
        >
          Reject
        </button>
      </div>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </Section>
  );
}

function TeamActions({ request }: { request: RequestDetails }) {
  const withdraw = useRequestAction(request.id, `requests/${request.id}/withdraw`);
  const decommission = useRequestAction(request.id, `requests/${request.id}/decommission`);
  const invoke = useMutation({
    mutationFn: () =>
      callApi<TestInvokeResult>(`/api/requests/${request.id}/test-invoke`, { method: "POST", body: {} }),
  });
  if (!request.can.withdraw && !request.can.decommission && !request.can.testInvoke) return null;
  const error = withdraw.error ?? decommission.error;
  return (
    <Section title="Actions">
      <div className={styles.actions}>
        {request.can.testInvoke ? (
          <button type="button" className="button primary" disabled={invoke.isPending} onClick={() => invoke.mutate()}>
            {invoke.isPending ? "Invoking…" : "Test invoke"}
          </button>
        ) : null}
        {request.can.withdraw ? (
          <button
            type="button"
            className="button"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined)}
          >
            Withdraw request
          </button>
        ) : null}
        {request.can.decommission ? (
          <ConfirmButton
            label="Request decommission"
            title={`Decommission ${request.apiName}?`}
            confirmLabel="Yes, request decommission"
            onConfirm={() => decommission.mutate(undefined)}
          >
            <p>
              Once a platform admin approves, the API, its VPC link, load balancer and endpoint are deleted. Callers
              lose access.
            </p>
          </ConfirmButton>
        ) : null}
      </div>
      {invoke.data ? (
        <div aria-label="Test invoke result" role="region">
          <p>
            Status <strong>{invoke.data.status}</strong> in {invoke.data.latencyMs} ms
          </p>
          <pre className={styles.result}>{invoke.data.body}</pre>
        </div>
      ) : null}
      {invoke.error ? <p className="alert">{invoke.error.message}</p> : null}
      {error ? <p className="alert">{error.message}</p> : null}
    </Section>
  );
}
