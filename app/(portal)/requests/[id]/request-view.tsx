"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
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
import { useDuration, useStepTitle } from "@/components/requests/use-step-words";
import { useStatusWord } from "@/components/use-status-word";
import { TranslatedText } from "@/components/translated-text";
import type { RequestDetails, TimelineEntry } from "@/lib/requests/request-details";
import type { StepView } from "@/lib/requests/step-views";

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

/** From the first attempt's start to the finish, or to now while the step is in flight; null before it starts. */
function stepMilliseconds(step: StepView, asOf: string): number | null {
  if (!step.firstStartedAt) return null;
  const end = step.finishedAt ?? (step.status === "pending" ? null : asOf);
  return end ? Date.parse(end) - Date.parse(step.firstStartedAt) : null;
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
  const t = useTranslations("requestView");
  const format = useFormatter();
  const stepTitle = useStepTitle();
  const duration = useDuration();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "second") : "—");
  const runTitle = (kind: string) =>
    t.has(`runs.${kind}` as "runs.provision") ? t(`runs.${kind}` as "runs.provision") : kind;
  const statusWord = useStatusWord();
  const durationOrDash = (ms: number | null) => (ms === null ? "—" : duration(ms));
  const timelineLabel = (entry: TimelineEntry) => {
    const step = stepTitle(entry.stepId ?? "");
    if (entry.action === "step.started") return t("timeline.stepStarted", { step });
    if (entry.action === "step.finished")
      return t("timeline.stepFinished", { step, status: statusWord(entry.stepStatus ?? "") });
    const key = `timeline.actions.${entry.action}` as "timeline.actions.request.submitted";
    return t.has(key) ? t(key) : entry.action;
  };
  const mono = (chunks: ReactNode) => <span className="mono">{chunks}</span>;
  const { source: from, port } = request;
  const source =
    request.scenario === "cross_account_nlb"
      ? t.rich("details.sourceNlb", { arn: from.loadBalancerArn ?? "", account: from.accountId ?? "", port, mono })
      : t.rich("details.sourceNetwork", { network: from.networkName ?? "", ips: from.ips.join(", "), port, mono });
  // A step's start names the run it belongs to (a rollback's, a move's); elsewhere the detail is a comment or an error.
  const timelineDetail = (entry: TimelineEntry) =>
    t("timeline.detail", {
      it: entry.action === "step.started" && entry.detail ? runTitle(entry.detail) : (entry.detail ?? ""),
    });

  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <h1>
          {request.apiName} <span className="mono">/{request.stageName}</span>
        </h1>
        <span role="status" aria-label={t("statusLabel")}>
          <StatusBadge status={request.status} />
        </span>
      </div>
      <dl className={layout.details}>
        <dt>{t("details.team")}</dt>
        <dd>{request.team.name}</dd>
        <dt>{t("details.requestedBy")}</dt>
        <dd>{t("details.requestedOn", { name: request.requester.name, when: when(request.createdAt) })}</dd>
        <dt>{t("details.source")}</dt>
        <dd>{source}</dd>
        <dt>{t("details.hub")}</dt>
        <dd>
          {request.chainLinkVersion
            ? t("details.hubWithLink", {
                where: request.region,
                linkMode: request.linkMode,
                version: request.chainLinkVersion.toUpperCase(),
              })
            : t("details.hubOnly", { where: request.region, linkMode: request.linkMode })}
        </dd>
        {request.basePath ? (
          <>
            <dt>{t("details.basePath")}</dt>
            <dd className="mono">/{request.basePath}</dd>
          </>
        ) : null}
        {request.corsAllowOrigins.length > 0 ? (
          <>
            <dt>{t("details.corsOrigins")}</dt>
            <dd className="mono">{request.corsAllowOrigins.join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("details.justification")}</dt>
        <dd>{request.justification}</dd>
      </dl>

      {request.failure ? <FailurePanel request={request} /> : null}
      {request.can.decide ? <DecisionPanel request={request} kind={request.can.decide} /> : null}
      {request.can.decideRefusal ? (
        <p className="alert">
          <TranslatedText message={request.can.decideRefusal} />
        </p>
      ) : null}
      <TeamActions request={request} />

      {request.invokeUrls.length > 0 ? (
        <Section title={t("invokeUrls")}>
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
        <Section title={t("runHeading", { run: runTitle(run.kind), status: statusWord(run.status) })}>
          <RunWaterfall steps={run.steps} now={Date.parse(request.asOf)} />
          <DataTable
            caption={t("steps.caption")}
            columns={[
              t("steps.step"),
              t("steps.status"),
              t("steps.started"),
              t("steps.finished"),
              t("steps.duration"),
              t("steps.attempts"),
            ]}
          >
            {run.steps.map((step) => (
              <tr key={step.stepId} data-step={step.stepId}>
                <td>
                  {stepTitle(step.stepId)}
                  {step.waitingFor ? <div className={styles.muted}>{step.waitingFor}</div> : null}
                </td>
                <td>
                  <StatusBadge status={step.status} />
                </td>
                <td className="mono nowrap">{when(step.firstStartedAt)}</td>
                <td className="mono nowrap">{when(step.finishedAt)}</td>
                <td className="nowrap">{durationOrDash(stepMilliseconds(step, request.asOf))}</td>
                <td>{step.attempts}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}

      {request.resources.length > 0 ? (
        <Section title={t("resources.title")}>
          <div className={styles.resources}>
            <DataTable
              caption={t("resources.caption")}
              columns={[t("resources.kind"), t("resources.identifier"), t("resources.account"), t("resources.state")]}
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
                  <td>{resource.deleted ? t("resources.deleted") : t("resources.present")}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        </Section>
      ) : null}

      <Section title={t("topology")}>{topology}</Section>

      <Section title={t("timeline.title")}>
        <details>
          <summary className={styles.summary}>{t("timeline.summary", { count: request.timeline.length })}</summary>
          <ol className={styles.timeline}>
            {request.timeline.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <span className="mono">{when(entry.at)}</span>
                <span>
                  {timelineLabel(entry)}
                  {entry.actor ? <span className={styles.muted}> · {entry.actor}</span> : null}
                  {entry.detail ? <span className={styles.muted}> · {timelineDetail(entry)}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </details>
      </Section>

      {request.plan ? (
        <Section title={t("planAsApproved")}>
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
  const t = useTranslations("requestView.invokeUrl");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button"
      aria-label={t("copyLabel", { text })}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? t("copied") : t("copy")}
    </button>
  );
}
