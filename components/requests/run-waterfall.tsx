"use client";

import { useId, useState } from "react";
import styles from "./run-waterfall.module.css";
import { DataTable } from "@/components/data-table";
import type { StepView } from "@/lib/requests/step-views";
import { formatDuration, runWaterfall, type SegmentKind, type WaterfallBar } from "@/lib/requests/run-waterfall";

// The run as a waterfall chart: a bar per step, coloured by what the step was doing, with the critical path outlined
// and retries and failures marked. Each bar is focusable and shows the step's AWS calls and outputs on hover or focus;
// the same figures are a table for screen readers and keyboards (folded under the chart). The request page re-renders
// it at every poll, so it grows while the run is in flight.

export const segmentLabels: Record<SegmentKind, string> = {
  working: "working",
  aws: "waiting on AWS",
  slot: "waiting for a call slot",
  retry: "backing off after an error",
};
const kinds = Object.keys(segmentLabels) as SegmentKind[];

function summary(bar: WaterfallBar): string {
  if (bar.start === null || bar.end === null) return `${bar.title}: not started`;
  const parts = kinds
    .filter((kind) => bar.totals[kind] > 0)
    .map((kind) => `${segmentLabels[kind]} ${formatDuration(bar.totals[kind])}`);
  return [
    `${bar.title}: ${bar.status}, ${formatDuration(bar.end - bar.start)}`,
    parts.join(", "),
    bar.retries > 0 ? `${bar.retries} ${bar.retries === 1 ? "retry" : "retries"}` : "",
    bar.critical ? "on the critical path" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function RunWaterfall({ steps, now }: { steps: StepView[]; now: number }) {
  const waterfall = runWaterfall(steps, now);
  const span = waterfall.end - waterfall.start;
  const percent = (time: number) => `${((time - waterfall.start) / span) * 100}%`;
  const width = (from: number, to: number) => `${((to - from) / span) * 100}%`;
  const byId = new Map(steps.map((step) => [step.stepId, step]));
  const headingId = useId();
  // The step whose tooltip is open (hovered or focused): only that one is in the page.
  const [shown, setShown] = useState<string>();
  return (
    <figure className={styles.waterfall} aria-labelledby={headingId}>
      <figcaption id={headingId} className={styles.caption}>
        <span>Run waterfall: {formatDuration(span)} from the first step&apos;s start</span>
        <span className={styles.legend}>
          {kinds.map((kind) => (
            <span key={kind} className={styles.legendItem}>
              <span className={`${styles.swatch} ${styles[kind]}`} aria-hidden="true" /> {segmentLabels[kind]}
            </span>
          ))}
          <span className={styles.legendItem}>
            <span className={`${styles.swatch} ${styles.criticalSwatch}`} aria-hidden="true" /> critical path
          </span>
        </span>
      </figcaption>
      <ol className={styles.rows}>
        {waterfall.bars.map((bar) => {
          const step = byId.get(bar.stepId);
          return (
            <li key={bar.stepId} className={styles.row} data-step={bar.stepId}>
              <span className={`${styles.label} ${bar.critical ? styles.criticalLabel : ""}`}>{bar.title}</span>
              <span className={styles.track}>
                {bar.start !== null && bar.end !== null ? (
                  <Bar
                    bar={bar}
                    start={bar.start}
                    end={bar.end}
                    left={percent(bar.start)}
                    width={width(bar.start, bar.end)}
                    tipId={shown === bar.stepId ? `${headingId}-${bar.stepId}` : undefined}
                    onShow={(open) => setShown(open ? bar.stepId : undefined)}
                  />
                ) : (
                  <span className={styles.notStarted}>not started</span>
                )}
                {step && bar.start !== null && shown === bar.stepId ? (
                  <StepTip
                    id={`${headingId}-${bar.stepId}`}
                    bar={bar}
                    step={step}
                    left={`min(${percent(bar.start)}, 55%)`}
                  />
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <details className={styles.tableView}>
        <summary>The waterfall as a table</summary>
        <DataTable
          caption="Each step's time, split by what it was doing"
          columns={[
            "Step",
            "Status",
            "Starts at",
            "Duration",
            ...kinds.map((kind) => segmentLabels[kind]),
            "Retries",
            "Critical path",
          ]}
        >
          {waterfall.bars.map((bar) => (
            <tr key={bar.stepId}>
              <td>{bar.title}</td>
              <td>{bar.status}</td>
              <td className="nowrap">{bar.start === null ? "—" : `+${formatDuration(bar.start - waterfall.start)}`}</td>
              <td className="nowrap">
                {bar.start === null || bar.end === null ? "—" : formatDuration(bar.end - bar.start)}
              </td>
              {kinds.map((kind) => (
                <td key={kind} className="nowrap">
                  {bar.totals[kind] > 0 ? formatDuration(bar.totals[kind]) : "—"}
                </td>
              ))}
              <td>{bar.retries}</td>
              <td>{bar.critical ? "yes" : "no"}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

function Bar({
  bar,
  start,
  end,
  left,
  width,
  tipId,
  onShow,
}: {
  bar: WaterfallBar;
  start: number;
  end: number;
  left: string;
  width: string;
  /** The open tooltip's id, while it is open. */
  tipId: string | undefined;
  onShow: (open: boolean) => void;
}) {
  const length = Math.max(1, end - start);
  return (
    <button
      type="button"
      className={`${styles.bar} ${bar.critical ? styles.critical : ""} ${bar.failed ? styles.failed : ""}`}
      style={{ left, width }}
      aria-label={summary(bar)}
      aria-describedby={tipId}
      onMouseEnter={() => onShow(true)}
      onMouseLeave={() => onShow(false)}
      onFocus={() => onShow(true)}
      onBlur={() => onShow(false)}
      data-start={start}
      data-end={end}
    >
      {bar.segments.map((segment) => (
        <span
          key={`${segment.kind}-${segment.start}`}
          className={`${styles.segment} ${styles[segment.kind]}`}
          style={{
            left: `${((segment.start - start) / length) * 100}%`,
            width: `${((segment.end - segment.start) / length) * 100}%`,
          }}
          data-kind={segment.kind}
        />
      ))}
      {bar.retries > 0 || bar.failed ? (
        <span className={styles.marks} aria-hidden="true">
          {bar.retries > 0 ? `↻${bar.retries}` : ""} {bar.failed ? "✕ failed" : ""}
        </span>
      ) : null}
    </button>
  );
}

function StepTip({ id, bar, step, left }: { id: string; bar: WaterfallBar; step: StepView; left: string }) {
  const outputs = Object.entries(step.outputs);
  return (
    <span id={id} className={styles.tip} role="tooltip" style={{ left }}>
      <strong>{summary(bar)}</strong>
      {step.calls.length > 0 ? (
        <span className={styles.tipBlock}>
          AWS calls:
          {step.calls.map((call) => (
            <code key={call}>{call}</code>
          ))}
        </span>
      ) : null}
      {outputs.length > 0 ? (
        <span className={styles.tipBlock}>
          Outputs:
          {outputs.map(([key, value]) => (
            <code key={key}>
              {key}: {value}
            </code>
          ))}
        </span>
      ) : null}
      {step.error ? <span className={styles.tipBlock}>Failed: {step.error.message}</span> : null}
    </span>
  );
}
