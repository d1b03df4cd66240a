"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { PlanPreview } from "../plan-preview";
import { StatusBadge } from "@/components/status-badge";
import styles from "../requests.module.css";
import layout from "@/components/page-layout.module.css";
import { DecisionPanel } from "./decision-panel";
import { FailurePanel, TeamActions } from "./request-actions";
import { Section } from "./request-section";
import { callApi } from "@/components/api-client";
import { DataTable } from "@/components/data-table";
import { RunWaterfall } from "@/components/requests/run-waterfall";
import type { RequestDetails } from "@/lib/requests/request-details";
import type { StepView } from "@/lib/requests/step-views";
import { formatDuration } from "@/lib/requests/run-waterfall";

// The request page: live while a run is in flight (polled JSON, no reloads), with the outputs, the team's actions
// (test invoke, withdraw, decommission), the approver's decision and, for a failed run, the hop, error and fix.

// While a run is in flight the page follows it closely; while a decision or a retry is awaited it notices it.
const pollEveryMs: Record<string, number> = {
  approved: 2_000,
  provisioning: 2_000,
  decommissioning: 2_000,
  pending_approval: 4_000,
  decommission_pending: 4_000,
  migrating: 2_000,
  migration_pending: 4_000,
  moving: 2_000,
  move_pending: 4_000,
  failed: 4_000,
};

const runTitles: Record<string, string> = {
  provision: "Provisioning",
  rollback: "Rollback",
  decommission: "Decommission",
  migrate: "Migration to the V2 link",
  repair: "Repair (integrations moved to the right link)",
  move: "Move: the chain built on the target hub",
  retire: "Retire: one hub's platform side taken down",
};

const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace("T", " ") : "—");

/** From the first attempt's start to the finish, or to now while the step is in flight. */
function stepDuration(step: StepView, asOf: string): string {
  if (!step.firstStartedAt) return "—";
  const end = step.finishedAt ?? (step.status === "pending" ? null : asOf);
  return end ? formatDuration(Date.parse(end) - Date.parse(step.firstStartedAt)) : "—";
}

export function RequestView({ initial, topology }: { initial: RequestDetails; topology: ReactNode }) {
  const { data: request } = useQuery({
    queryKey: ["request", initial.id],
    queryFn: () => callApi<RequestDetails>(`/api/requests/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => pollEveryMs[query.state.data?.status ?? ""] ?? false,
  });
  const run = request.runs.at(-1);
  useTopologyInStep(request);

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
      <dl className={layout.details}>
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
          {request.chainLinkVersion
            ? `; this exposure goes through a ${request.chainLinkVersion.toUpperCase()} link`
            : ""}
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
        <Section title={`${runTitles[run.kind] ?? run.kind}: ${run.status}`}>
          <RunWaterfall steps={run.steps} now={Date.parse(request.asOf)} />
          <DataTable
            caption="Steps of the latest run"
            columns={["Step", "Status", "Started (UTC)", "Finished (UTC)", "Duration", "Attempts"]}
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
                <td className="mono nowrap">{when(step.firstStartedAt)}</td>
                <td className="mono nowrap">{when(step.finishedAt)}</td>
                <td className="nowrap">{stepDuration(step, request.asOf)}</td>
                <td>{step.attempts}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}

      {request.resources.length > 0 ? (
        <Section title="Resources">
          <div className={styles.resources}>
            <DataTable
              caption="AWS resources this request created"
              columns={["Kind", "Identifier", "Account", "State"]}
            >
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
          </div>
        </Section>
      ) : null}

      <Section title="Topology">{topology}</Section>

      <Section title="Timeline">
        <details>
          <summary className={styles.summary}>
            {request.timeline.length} events: every decision, and each step&apos;s start and end
          </summary>
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
        </details>
      </Section>

      {request.plan ? (
        <Section title="Plan (as approved)">
          <PlanPreview plan={request.plan} />
        </Section>
      ) : null}
    </div>
  );
}

/**
 * The embedded topology polls on its own; whenever this page sees the request or its run move on, the topology is
 * fetched again at once, so the diagram never shows "Creating" for a hop the steps table shows as finished.
 */
function useTopologyInStep(request: RequestDetails) {
  const queryClient = useQueryClient();
  const run = request.runs.at(-1);
  const progress = [request.status, run?.id, run?.status, ...(run?.steps.map((step) => step.status) ?? [])].join("|");
  const seen = useRef(progress);
  useEffect(() => {
    if (seen.current === progress) return;
    seen.current = progress;
    void queryClient.invalidateQueries({ queryKey: ["topology", request.id] });
  }, [progress, queryClient, request.id]);
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
